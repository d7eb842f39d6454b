#include "copybackdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tandem::ui {

CopyBackDialog::CopyBackDialog(const QStringList &mailboxes, int count, const QString &suggested,
                               QWidget *parent)
    : QDialog(parent)
    , m_mailbox(new QComboBox(this))
    , m_inbox(new QRadioButton(this))
    , m_restored(new QRadioButton(this))
    , m_ok(nullptr)
{
    setObjectName(u"copyBackDialog"_s);
    setWindowTitle(tr("Copy to mailbox"));

    auto *intro = new QLabel(tr("A new copy of the %n chosen message(s) goes into the mailbox, "
                                "as if delivered again. The archived originals stay where they "
                                "are, and the mailbox's ledger records each copy.",
                                nullptr, count),
                             this);
    intro->setObjectName(u"copyBackIntro"_s);
    intro->setWordWrap(true);

    m_mailbox->setObjectName(u"copyBackMailbox"_s);
    m_mailbox->setEditable(true);
    m_mailbox->setInsertPolicy(QComboBox::NoInsert);
    m_mailbox->addItems(mailboxes);
    m_mailbox->setCurrentIndex(-1);
    m_mailbox->setEditText(suggested);
    m_mailbox->lineEdit()->setPlaceholderText(tr("user@example.com"));
    m_mailbox->setToolTip(tr("A mailbox on this server. One that does not exist yet is created, "
                             "as for new mail."));
    m_mailbox->setMinimumContentsLength(28);

    m_inbox->setObjectName(u"copyBackInbox"_s);
    m_inbox->setText(tr("Into its &INBOX"));
    m_inbox->setToolTip(tr("The copies appear among the user's new mail."));
    m_restored->setObjectName(u"copyBackRestored"_s);
    m_restored->setText(tr("Into a “&Restored” folder"));
    m_restored->setToolTip(
        tr("The copies go into a folder of their own, apart from the user's new mail."));
    m_restored->setChecked(true);

    auto *form = new QFormLayout;
    auto *mailboxLabel = new QLabel(tr("&Mailbox:"), this);
    mailboxLabel->setBuddy(m_mailbox);
    form->addRow(mailboxLabel, m_mailbox);
    auto *folders = new QVBoxLayout;
    folders->addWidget(m_restored);
    folders->addWidget(m_inbox);
    form->addRow(tr("Folder:"), folders);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(u"okButton"_s);
    m_ok->setText(tr("Copy"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(u"cancelButton"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_mailbox, &QComboBox::editTextChanged, this, &CopyBackDialog::updateOk);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addSpacing(6);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(buttons);
    updateOk();
    resize(480, sizeHint().height());
}

QString CopyBackDialog::mailbox() const
{
    return m_mailbox->currentText().trimmed().toLower();
}

archive::CopyBackFolder CopyBackDialog::folder() const
{
    return m_inbox->isChecked() ? archive::CopyBackFolder::Inbox
                                : archive::CopyBackFolder::Restored;
}

void CopyBackDialog::updateOk()
{
    static const QRegularExpression address(u"^[^@\\s]+@[^@\\s]+$"_s);
    m_ok->setEnabled(address.match(mailbox()).hasMatch());
}

} // namespace tandem::ui
