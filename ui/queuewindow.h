#pragma once

#include <QStringList>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QToolBar;

// The live queue window: the engine's Outbox as a sortable, filterable table, and the
// administrator's operations on the selected entries. It talks to the engine only through
// EngineHost (queued calls; the answers come back on this thread).
namespace tandem::ui {

class EngineHost;
class EntryDetailsDialog;
class QueueModel;

class QueueWindow : public QWidget {
    Q_OBJECT
public:
    // host may be null: the window then shows whatever its model is fed and acts on nothing.
    explicit QueueWindow(EngineHost *host, QWidget *parent = nullptr);

    QueueModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    // Delete and Return to sender ask first; tests turn that off.
    void setConfirmDestructive(bool confirm) { m_confirm = confirm; }
    QStringList selectedIds() const;
    // Opens the details window of an entry (a double-click does), or brings it forward.
    EntryDetailsDialog *showDetails(const QString &id);

signals:
    void operationFinished(const QString &operation, const QStringList &changed,
                           const QStringList &missing);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslateUi();
    QAction *addOperation(const QString &name, const QString &operation);
    void runOperation(const QString &operation);
    bool confirm(const QString &operation, int count);
    void restoreSelection();
    void updateActions();
    void updateStatus();
    // Column widths for the view's width: every column shown, the text ones narrowed (their
    // text elided, in full in the tooltip), Last reply taking the rest. Until the
    // administrator drags a column's edge; then the widths are theirs.
    void fitColumns();
    int naturalWidth(int column) const;

    EngineHost *m_host;
    QueueModel *m_model;
    QToolBar *m_toolBar;
    QLineEdit *m_filter;
    QComboBox *m_stateFilter;
    QTableView *m_view;
    QLabel *m_status;
    QLabel *m_result;
    QList<QAction *> m_operations;
    QAction *m_details;
    bool m_fitting = false;
    bool m_userWidths = false;
    bool m_headerPressed = false;
    bool m_confirm = true;
    QStringList m_keptSelection; // across a reset of the model
    QString m_keptCurrent;
    int m_keptCurrentColumn = 0;
    QString m_keptTop; // the entry at the top of the view
    int m_keptScroll = 0;
};

} // namespace tandem::ui
