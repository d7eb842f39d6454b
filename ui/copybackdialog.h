#pragma once

#include "archive/archive.h"

#include <QDialog>
#include <QStringList>

class QComboBox;
class QLabel;
class QPushButton;
class QRadioButton;

// Copy to mailbox: where the search window's chosen messages get a new live copy — a mailbox
// (one on disk, or another name: it is created from the template) and its INBOX or a
// "Restored" folder. The archived originals stay as they are.
namespace tandem::ui {

class CopyBackDialog : public QDialog {
    Q_OBJECT
public:
    CopyBackDialog(const QStringList &mailboxes, int count, const QString &suggested,
                   QWidget *parent = nullptr);

    QString mailbox() const; // "user@domain", lower-case
    archive::CopyBackFolder folder() const;

private:
    void updateOk();

    QComboBox *m_mailbox;
    QRadioButton *m_inbox;
    QRadioButton *m_restored;
    QPushButton *m_ok;
};

} // namespace tandem::ui
