#include "exportdialog.h"

#include <QButtonGroup>
#include <QDate>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tandem::ui {

using archive::ExportFormat;

ExportDialog::ExportDialog(int chosen, qint64 found, const QString &folder, QWidget *parent)
    : QDialog(parent)
    , m_chosen(new QRadioButton(this))
    , m_all(new QRadioButton(this))
    , m_eml(new QRadioButton(this))
    , m_mbox(new QRadioButton(this))
    , m_zip(new QRadioButton(this))
    , m_path(new QLineEdit(this))
    , m_ok(nullptr)
{
    setObjectName(u"exportDialog"_s);
    setWindowTitle(tr("Export messages"));

    auto *what = new QGroupBox(tr("Messages"), this);
    m_chosen->setObjectName(u"exportChosen"_s);
    m_chosen->setText(tr("The %n &chosen message(s)", nullptr, chosen));
    m_chosen->setEnabled(chosen > 0);
    m_all->setObjectName(u"exportAllFound"_s);
    m_all->setText(found < 0 ? tr("&All messages found")
                             : tr("&All %1 messages found").arg(QLocale().toString(found)));
    m_all->setToolTip(tr("Every copy the query finds, in the order shown, also those not "
                         "scrolled to yet"));
    m_all->setEnabled(found != 0);
    (chosen > 0 ? m_chosen : m_all)->setChecked(true);
    auto *whatLayout = new QVBoxLayout(what);
    whatLayout->addWidget(m_chosen);
    whatLayout->addWidget(m_all);

    auto *form = new QGroupBox(tr("Format"), this);
    m_mbox->setObjectName(u"exportMbox"_s);
    m_mbox->setText(tr("One &mbox file"));
    m_mbox->setToolTip(tr("Every message in one file (mboxrd), as mail programs import it; each "
                          "copy with its Return-Path: and Delivered-To: lines"));
    m_eml->setObjectName(u"exportEml"_s);
    m_eml->setText(tr("A folder of .&eml files"));
    m_eml->setToolTip(tr("One file per message, the original byte for byte"));
    m_zip->setObjectName(u"exportZip"_s);
    m_zip->setText(tr("One &zip file of .eml files"));
    m_zip->setToolTip(tr("The .eml files packed into one zip file, to send on"));
    m_mbox->setChecked(true);
    auto *group = new QButtonGroup(this);
    for (QRadioButton *b : {m_mbox, m_eml, m_zip})
        group->addButton(b);
    auto *formLayout = new QVBoxLayout(form);
    formLayout->addWidget(m_mbox);
    formLayout->addWidget(m_eml);
    formLayout->addWidget(m_zip);

    m_path->setObjectName(u"exportPath"_s);
    m_path->setText(QDir::toNativeSeparators(QDir(folder).filePath(
        u"tandem-export-%1.mbox"_s.arg(QDate::currentDate().toString(Qt::ISODate)))));
    m_path->setMinimumWidth(fontMetrics().horizontalAdvance(m_path->text()) + 40);
    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setObjectName(u"exportBrowse"_s);
    browse->setAutoDefault(false);
    auto *pathLabel = new QLabel(tr("Save &to:"), this);
    pathLabel->setBuddy(m_path);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(pathLabel);
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    auto *note = new QLabel(tr("Each exported message is recorded in its mailbox's ledger. The "
                               "archived originals stay."),
                            this);
    note->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(u"okButton"_s);
    m_ok->setText(tr("Export"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(u"cancelButton"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (confirmReplace())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(group, &QButtonGroup::buttonToggled, this, [this](QAbstractButton *, bool on) {
        if (on)
            formatChosen();
    });
    connect(m_path, &QLineEdit::textChanged, this, &ExportDialog::updateOk);

    auto *columns = new QHBoxLayout;
    columns->addWidget(what, 1);
    columns->addWidget(form, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addLayout(pathRow);
    layout->addWidget(note);
    layout->addStretch(1);
    layout->addWidget(buttons);
    updateOk();
    resize(qMax(560, sizeHint().width()), sizeHint().height());
}

bool ExportDialog::allFound() const
{
    return m_all->isChecked();
}

ExportFormat ExportDialog::format() const
{
    return m_eml->isChecked()   ? ExportFormat::Eml
           : m_zip->isChecked() ? ExportFormat::Zip
                                : ExportFormat::Mbox;
}

QString ExportDialog::path() const
{
    const QString typed = QDir::fromNativeSeparators(m_path->text().trimmed());
    return typed.isEmpty() ? typed : QFileInfo(typed).absoluteFilePath();
}

QString ExportDialog::pathFor(const QString &path, ExportFormat format)
{
    const QFileInfo info(path);
    QString base = info.fileName();
    const QString suffix = info.suffix().toLower();
    if (suffix == u"mbox"_s || suffix == u"zip"_s)
        base.chop(suffix.size() + 1);
    const QString name = format == ExportFormat::Mbox  ? base + u".mbox"_s
                         : format == ExportFormat::Zip ? base + u".zip"_s
                                                       : base;
    return info.dir().filePath(name);
}

void ExportDialog::formatChosen()
{
    if (!path().isEmpty())
        m_path->setText(QDir::toNativeSeparators(pathFor(path(), format())));
}

void ExportDialog::browse()
{
    QString chosen;
    if (format() == ExportFormat::Eml) {
        chosen = QFileDialog::getExistingDirectory(this, tr("Folder for the .eml files"),
                                                   QFileInfo(path()).absolutePath());
    } else {
        const QString filter =
            format() == ExportFormat::Mbox ? tr("mbox files (*.mbox)") : tr("zip files (*.zip)");
        chosen = QFileDialog::getSaveFileName(this, tr("Export to"), path(), filter, nullptr,
                                              QFileDialog::DontConfirmOverwrite);
        if (!chosen.isEmpty())
            chosen = pathFor(chosen, format());
    }
    if (!chosen.isEmpty())
        m_path->setText(QDir::toNativeSeparators(chosen));
}

void ExportDialog::updateOk()
{
    m_ok->setEnabled(!path().isEmpty());
}

// An existing file is replaced only when the administrator says so; an existing folder takes
// the .eml files beside what it holds.
bool ExportDialog::confirmReplace()
{
    const QFileInfo info(path());
    if (format() == ExportFormat::Eml || !info.exists())
        return true;
    QMessageBox box(QMessageBox::Question, tr("Replace the file?"),
                    tr("%1 exists. Replace it with the export?")
                        .arg(QDir::toNativeSeparators(info.absoluteFilePath())),
                    QMessageBox::Yes | QMessageBox::No, this);
    box.setObjectName(u"replaceExportBox"_s);
    box.setDefaultButton(QMessageBox::No);
    return box.exec() == QMessageBox::Yes;
}

} // namespace tandem::ui
