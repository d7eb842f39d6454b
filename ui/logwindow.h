#pragma once

#include <QSortFilterProxyModel>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QTableView;
class QLabel;
class QPushButton;

namespace tandem::ui {

class LogModel;

// Filters the log by minimum level, queue id and session.
class LogFilter : public QSortFilterProxyModel {
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setMinimumLevel(int level);
    void setQueueId(const QString &id);
    void setSession(const QString &session);
    QString session() const { return m_session; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    int m_minimumLevel = 1; // info
    QString m_queueId;
    QString m_session;
};

// The log window: the engine's events live, filterable by level and by queue id, and the
// SMTP transcript of a session on demand.
class LogWindow : public QWidget {
    Q_OBJECT
public:
    explicit LogWindow(LogModel *model, QWidget *parent = nullptr);
    LogFilter *filter() const { return m_filter; }
    // Shows only the session of the selected line, transcript included.
    void showSessionOfCurrentRow();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void showSessionLabel();

    LogModel *m_model;
    LogFilter *m_filter;
    QTableView *m_view;
    QComboBox *m_level;
    QLineEdit *m_queueId;
    QCheckBox *m_transcripts;
    QLabel *m_sessionLabel;
    QWidget *m_sessionBar;
    QLabel *m_levelLabel;
    QLabel *m_queueLabel;
    QPushButton *m_back;
};

} // namespace tandem::ui
