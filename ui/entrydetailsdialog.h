#pragma once

#include "delivery/entrydetails.h"

#include <QDialog>

#include <optional>

class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QTabWidget;

// The details of one queue entry, asked of the engine through EngineHost (never read from
// the spool by the console): the envelope, where each recipient of the message stands, every
// attempt with its reply, and the message's header section. Opened by a double-click in the
// queue window; it stays open beside it, and Refresh asks again.
namespace tandem::ui {

class EngineHost;

class EntryDetailsDialog : public QDialog {
    Q_OBJECT
public:
    EntryDetailsDialog(EngineHost *host, const QString &entryId, QWidget *parent = nullptr);

    QString entryId() const { return m_id; }
    // Asks the engine again; loaded() follows.
    void refresh();

signals:
    void loaded(bool found);

protected:
    void changeEvent(QEvent *event) override;

private:
    void display(const std::optional<delivery::EntryDetails> &details);
    void retranslateUi();
    QLabel *field(const QString &name);
    static QString stateText(delivery::RecipientStatus::State state);

    EngineHost *m_host;
    QString m_id;
    std::optional<delivery::EntryDetails> m_details;
    bool m_asked = false;
    QLabel *m_status;
    QTabWidget *m_tabs;
    QWidget *m_envelopePage;
    QFormLayout *m_form;
    QList<QPair<QLabel *, QLabel *>> m_rows; // caption, value
    QTableWidget *m_recipients;
    QTableWidget *m_attempts;
    QPlainTextEdit *m_headers;
    QPushButton *m_refresh;
    QPushButton *m_close;
};

} // namespace tandem::ui
