// The Mailboxes dialog's Archive tab on a real data folder: a mailbox's own archive settings
// written to its tandem-mailbox.json and read back, legal holds set with a reason and found in
// the archive store with who and why, and the figures shown being the store's.
#include "archive/archive.h"
#include "archivetext.h"
#include "config/settings.h"
#include "dialogs/archivepolicyeditor.h"
#include "dialogs/mailboxesdialog.h"
#include "engine.h"
#include "enginehost.h"
#include "language.h"
#include "mailbox/mailboxstore.h"
#include "threadwarnings.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace tandem;
using namespace tandem::ui;

namespace {

const QString kAlice = u"alice@example.com"_s;

template <typename T> T *find(QWidget *parent, const QString &name)
{
    T *w = parent->findChild<T *>(name);
    if (!w)
        qFatal("no widget named %s", qPrintable(name));
    return w;
}

void setUnit(QComboBox *unit, const QString &text)
{
    const int i = unit->findText(text);
    QVERIFY2(i >= 0, qPrintable(text));
    unit->setCurrentIndex(i);
}

// What the hold prompt looked like and what was done in it.
struct Prompt {
    bool seen = false;
    bool okEnabledWhenEmpty = true;
    bool okEnabledWithReason = false;
};

// Answers the reason prompt the next click opens: types reason (if any) and presses OK, or
// Cancel when reason is empty.
void answerPrompt(Prompt *prompt, const QString &reason)
{
    QTimer::singleShot(0, [prompt, reason] {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal || modal->objectName() != u"holdReasonDialog"_s)
            return;
        prompt->seen = true;
        auto *ok = find<QPushButton>(modal, u"okButton"_s);
        prompt->okEnabledWhenEmpty = ok->isEnabled();
        auto *edit = find<QLineEdit>(modal, u"holdReason"_s);
        if (reason.isEmpty()) {
            QTest::keyClicks(edit, u"   "_s); // blanks are no reason either
            prompt->okEnabledWhenEmpty = prompt->okEnabledWhenEmpty || ok->isEnabled();
            QTest::mouseClick(find<QPushButton>(modal, u"cancelButton"_s), Qt::LeftButton);
            return;
        }
        QTest::keyClicks(edit, reason);
        prompt->okEnabledWithReason = ok->isEnabled();
        QTest::mouseClick(ok, Qt::LeftButton);
    });
}

QString consoleUser()
{
    QString login = qEnvironmentVariable("USER");
    if (login.isEmpty())
        login = qEnvironmentVariable("LOGNAME", qEnvironmentVariable("USERNAME"));
    return u"console, user "_s + login;
}

} // namespace

class TestArchiveTab : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { ui::language::apply(u"en"_s); } // "3 messages", not "message(s)"
    void init();
    void cleanup();
    void customSettingsRoundTrip();
    void noneAndDefault();
    void customRefusesExpiryBeforeArchiving();
    void holdWithReason();
    void archiveWideHold();
    void figuresAreTheStore();
    void screenshot();

private:
    config::Settings settings() const;
    // A Mailboxes dialog on the Archive tab of alice, her settings read.
    std::unique_ptr<MailboxesDialog> openTab();
    void fileMessages(int count);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<EngineHost> m_host;
};

config::Settings TestArchiveTab::settings() const
{
    QJsonObject json = QJsonDocument::fromJson(config::defaultConfigJson()).object();
    QJsonObject server = json.value(u"server"_s).toObject();
    server.insert(u"data_dir"_s, m_dir->path() + u"/data"_s);
    json.insert(u"server"_s, server);
    const config::LoadResult loaded = config::parse(QJsonDocument(json).toJson(), m_dir->path());
    if (!loaded.ok())
        qFatal("configuration not valid: %s", qPrintable(loaded.errors.join(u"; "_s)));
    return loaded.settings;
}

void TestArchiveTab::init()
{
    tandem::test::failOnThreadWarnings();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const config::Settings s = settings();
    mailbox::MailboxStore store(s.dataPath() + u"/mailboxes"_s, s.server.hostname,
                                s.mailboxes.mailboxTemplate);
    QString error;
    QVERIFY2(store.create(u"alice"_s, u"example.com"_s, &error), qPrintable(error));
    m_host = std::make_unique<EngineHost>();
}

void TestArchiveTab::cleanup()
{
    m_host.reset();
    m_dir.reset();
}

std::unique_ptr<MailboxesDialog> TestArchiveTab::openTab()
{
    auto dialog = std::make_unique<MailboxesDialog>(settings());
    dialog->setEngineHost(m_host.get());
    dialog->setMailboxesOnDisk(Engine::listMailboxes(settings()));
    dialog->show();
    if (!QTest::qWaitForWindowExposed(dialog.get()))
        qFatal("dialog not shown");
    dialog->showArchiveOf(kAlice);
    auto *box = find<QComboBox>(dialog.get(), u"archiveMailbox"_s);
    if (box->currentText() != kAlice)
        qFatal("alice not chosen: %s", qPrintable(box->currentText()));
    // Her settings are read off the window's thread; the settings box waits for them.
    auto *modes = find<QRadioButton>(dialog.get(), u"archiveModeDefault"_s);
    if (!QTest::qWaitFor([modes] { return modes->isEnabled() && modes->isVisible(); }, 10000))
        qFatal("the Archive tab did not read alice");
    return dialog;
}

void TestArchiveTab::fileMessages(int count)
{
    const config::Settings s = settings();
    QString error;
    auto archive = Engine::openArchive(s, &error);
    QVERIFY2(archive, qPrintable(error));
    for (int i = 0; i < count; ++i) {
        const QString path = m_dir->filePath(u"message%1.eml"_s.arg(i));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("From: bob@example.com\r\nTo: alice@example.com\r\nSubject: " +
                QByteArray::number(i) + "\r\n\r\n" + QByteArray(1000 * (i + 1), 'x') + "\r\n");
        f.close();
        archive::FiledCopy copy;
        copy.mailbox = kAlice;
        copy.key = u"K%1A0"_s.arg(i);
        copy.deliveredTo = kAlice;
        copy.prefix = "Delivered-To: alice@example.com\r\n";
        copy.messagePath = path;
        copy.filed = QDateTime::currentDateTimeUtc();
        QVERIFY2(archive->recordFiled(copy, &error), qPrintable(error));
    }
    QVERIFY2(archive->commit(&error), qPrintable(error));
}

void TestArchiveTab::customSettingsRoundTrip()
{
    {
        auto dialog = openTab();
        QVERIFY(find<QRadioButton>(dialog.get(), u"archiveModeDefault"_s)->isChecked());
        auto *after = find<QSpinBox>(dialog.get(), u"archiveAfter"_s);
        QVERIFY(!after->isEnabled()); // the default settings, shown, not editable here
        QTest::mouseClick(find<QRadioButton>(dialog.get(), u"archiveModeCustom"_s), Qt::LeftButton,
                          {}, QPoint(8, 8));
        QVERIFY(after->isEnabled());
        after->setValue(2);
        setUnit(find<QComboBox>(dialog.get(), u"archiveAfterUnit"_s), u"weeks"_s);
        auto *to = find<QComboBox>(dialog.get(), u"archiveTo"_s);
        to->setCurrentIndex(to->findData(int(config::ArchiveDestination::Folder)));
        find<QSpinBox>(dialog.get(), u"expireAfter"_s)->setValue(7);
        setUnit(find<QComboBox>(dialog.get(), u"expireAfterUnit"_s), u"years"_s);
        auto *onExpiry = find<QComboBox>(dialog.get(), u"onExpiry"_s);
        onExpiry->setCurrentIndex(onExpiry->findData(int(config::ExpiryAction::Export)));
        find<QSpinBox>(dialog.get(), u"maxSizeMb"_s)->setValue(500);
        find<QSpinBox>(dialog.get(), u"sizeWarningPercent"_s)->setValue(75);
        QTest::mouseClick(find<QPushButton>(dialog.get(), u"okButton"_s), Qt::LeftButton);
        QTRY_COMPARE(dialog->result(), int(QDialog::Accepted));
    }
    QString error;
    const config::MailboxArchiveSettings own =
        Engine::mailboxArchiveSettings(settings(), kAlice, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(config::toString(own.mode), config::toString(config::ArchiveMode::Custom));
    QCOMPARE(own.custom.archiveAfterHours, 336);
    QCOMPARE(config::toString(own.custom.destination),
             config::toString(config::ArchiveDestination::Folder));
    QCOMPARE(own.custom.expireAfterHours, 7 * 8760);
    QCOMPARE(config::toString(own.custom.onExpiry), config::toString(config::ExpiryAction::Export));
    QCOMPARE(own.custom.maxSizeMb, 500);
    QCOMPARE(own.custom.warnPercent, 75);
    // In the mailbox's own file, as the engine reads it.
    QFile file(settings().dataPath() + u"/mailboxes/example.com/alice/tandem-mailbox.json"_s);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(json.value(u"archive_mode"_s).toString(), u"custom"_s);
    QCOMPARE(json.value(u"archive"_s).toObject().value(u"archive_after"_s).toString(), u"2w"_s);

    // Shown again as saved.
    auto again = openTab();
    QVERIFY(find<QRadioButton>(again.get(), u"archiveModeCustom"_s)->isChecked());
    QCOMPARE(find<QSpinBox>(again.get(), u"archiveAfter"_s)->value(), 2);
    QCOMPARE(find<QComboBox>(again.get(), u"archiveAfterUnit"_s)->currentText(), u"weeks"_s);
    QCOMPARE(find<QSpinBox>(again.get(), u"expireAfter"_s)->value(), 7);
    QCOMPARE(find<QComboBox>(again.get(), u"expireAfterUnit"_s)->currentText(), u"years"_s);
}

void TestArchiveTab::noneAndDefault()
{
    {
        auto dialog = openTab();
        QTest::mouseClick(find<QRadioButton>(dialog.get(), u"archiveModeNone"_s), Qt::LeftButton,
                          {}, QPoint(8, 8));
        QVERIFY(!find<QSpinBox>(dialog.get(), u"archiveAfter"_s)->isEnabled());
        QTest::mouseClick(find<QPushButton>(dialog.get(), u"okButton"_s), Qt::LeftButton);
        QTRY_COMPARE(dialog->result(), int(QDialog::Accepted));
    }
    QCOMPARE(config::toString(Engine::mailboxArchiveSettings(settings(), kAlice).mode),
             config::toString(config::ArchiveMode::None));
    {
        auto dialog = openTab();
        QVERIFY(find<QRadioButton>(dialog.get(), u"archiveModeNone"_s)->isChecked());
        QTest::mouseClick(find<QRadioButton>(dialog.get(), u"archiveModeDefault"_s), Qt::LeftButton,
                          {}, QPoint(8, 8));
        QTest::mouseClick(find<QPushButton>(dialog.get(), u"okButton"_s), Qt::LeftButton);
        QTRY_COMPARE(dialog->result(), int(QDialog::Accepted));
    }
    QCOMPARE(config::toString(Engine::mailboxArchiveSettings(settings(), kAlice).mode),
             config::toString(config::ArchiveMode::Default));
}

void TestArchiveTab::customRefusesExpiryBeforeArchiving()
{
    auto dialog = openTab();
    QTest::mouseClick(find<QRadioButton>(dialog.get(), u"archiveModeCustom"_s), Qt::LeftButton, {},
                      QPoint(8, 8));
    find<QSpinBox>(dialog.get(), u"archiveAfter"_s)->setValue(2);
    setUnit(find<QComboBox>(dialog.get(), u"archiveAfterUnit"_s), u"weeks"_s);
    find<QSpinBox>(dialog.get(), u"expireAfter"_s)->setValue(1);
    setUnit(find<QComboBox>(dialog.get(), u"expireAfterUnit"_s), u"days"_s);
    QTest::mouseClick(find<QPushButton>(dialog.get(), u"okButton"_s), Qt::LeftButton);
    auto *error = find<QLabel>(dialog.get(), u"expireAfterError"_s);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(u"archive_after"_s), qPrintable(error->text()));
    QVERIFY(dialog->isVisible());
    QCOMPARE(config::toString(Engine::mailboxArchiveSettings(settings(), kAlice).mode),
             config::toString(config::ArchiveMode::Default));
}

void TestArchiveTab::holdWithReason()
{
    auto dialog = openTab();
    auto *hold = find<QCheckBox>(dialog.get(), u"legalHold"_s);
    QTRY_VERIFY(hold->isEnabled());
    QVERIFY(!hold->isChecked());

    Prompt set;
    answerPrompt(&set, u"litigation 2026-17"_s);
    QTest::mouseClick(hold, Qt::LeftButton, {}, QPoint(8, hold->height() / 2));
    QVERIFY(set.seen);
    QVERIFY(!set.okEnabledWhenEmpty);
    QVERIFY(set.okEnabledWithReason);
    QTRY_VERIFY(hold->isChecked());
    QTRY_VERIFY(find<QLabel>(dialog.get(), u"legalHoldDetails"_s)
                    ->text()
                    .contains(u"litigation 2026-17"_s));
    {
        QString error;
        auto archive = Engine::openArchive(settings(), &error);
        QVERIFY2(archive, qPrintable(error));
        const std::optional<archive::Hold> h = archive->hold(kAlice);
        QVERIFY(h);
        QCOMPARE(h->mailbox, kAlice);
        QCOMPARE(h->who, consoleUser());
        QCOMPARE(h->reason, u"litigation 2026-17"_s);
    }

    // Clearing needs a reason too: without one the hold stays.
    Prompt clear;
    answerPrompt(&clear, QString());
    QTest::mouseClick(hold, Qt::LeftButton, {}, QPoint(8, hold->height() / 2));
    QVERIFY(clear.seen);
    QVERIFY(!clear.okEnabledWhenEmpty);
    QVERIFY(hold->isChecked());
    QTest::qWait(100);
    {
        QString error;
        auto archive = Engine::openArchive(settings(), &error);
        QVERIFY(archive && archive->isHeld(kAlice));
    }

    Prompt release;
    answerPrompt(&release, u"case closed"_s);
    QTest::mouseClick(hold, Qt::LeftButton, {}, QPoint(8, hold->height() / 2));
    QVERIFY(release.seen);
    QTRY_VERIFY(!hold->isChecked());
    QString error;
    auto archive = Engine::openArchive(settings(), &error);
    QVERIFY(archive && !archive->isHeld(kAlice));
}

void TestArchiveTab::archiveWideHold()
{
    auto dialog = openTab();
    auto *hold = find<QCheckBox>(dialog.get(), u"archiveHold"_s);
    QTRY_VERIFY(hold->isEnabled());
    Prompt set;
    answerPrompt(&set, u"audit"_s);
    QTest::mouseClick(hold, Qt::LeftButton, {}, QPoint(8, hold->height() / 2));
    QVERIFY(set.seen);
    QTRY_VERIFY(hold->isChecked());
    QString error;
    auto archive = Engine::openArchive(settings(), &error);
    QVERIFY2(archive, qPrintable(error));
    const std::optional<archive::Hold> h = archive->hold(QString());
    QVERIFY(h);
    QCOMPARE(h->who, consoleUser());
    QCOMPARE(h->reason, u"audit"_s);
    QVERIFY(archive->isHeld(kAlice));
    // alice is kept by it, though not held on her own.
    QVERIFY(!find<QCheckBox>(dialog.get(), u"legalHold"_s)->isChecked());
    QVERIFY(find<QLabel>(dialog.get(), u"legalHoldDetails"_s)->text().contains(u"archive-wide"_s));
}

void TestArchiveTab::figuresAreTheStore()
{
    fileMessages(3);
    if (QTest::currentTestFailed())
        return;
    QString error;
    auto archive = Engine::openArchive(settings(), &error);
    QVERIFY2(archive, qPrintable(error));
    archive::MailboxFigures f;
    for (const archive::MailboxFigures &m : archive->status().mailboxes) {
        if (m.mailbox == kAlice)
            f = m;
    }
    QCOMPARE(f.mailbox, kAlice);
    QCOMPARE(f.liveMessages, 3);
    archive.reset();

    auto dialog = openTab();
    auto *live = find<QLabel>(dialog.get(), u"liveFigures"_s);
    QTRY_VERIFY(!live->text().isEmpty());
    QCOMPARE(live->text(), u"3 messages, %1"_s.arg(ArchiveText::size(f.liveBytes)));
    QCOMPARE(find<QLabel>(dialog.get(), u"archivedFigures"_s)->text(),
             u"%1 messages, %2"_s.arg(f.archivedMessages).arg(ArchiveText::size(f.archivedBytes)));
    QVERIFY(find<QLabel>(dialog.get(), u"storedFigures"_s)
                ->text()
                .startsWith(ArchiveText::size(f.storedBytes) + u", compressed"_s));
    QCOMPARE(find<QLabel>(dialog.get(), u"lastArchiveRun"_s)->text(), ArchiveText::date(f.lastRun));
    QCOMPARE(find<QLabel>(dialog.get(), u"lastVerification"_s)->text(),
             f.lastVerified.isValid() ? ArchiveText::date(f.lastVerified) + u", clean"_s
                                      : u"never"_s);
    // No engine runs here: the buttons say so by being off.
    QVERIFY(!find<QPushButton>(dialog.get(), u"archiveNow"_s)->isEnabled());
}

// With TANDEM_SCREENSHOTS=folder, the Archive tab as options-mailbox-archive.png.
void TestArchiveTab::screenshot()
{
    const QString out = qEnvironmentVariable("TANDEM_SCREENSHOTS");
    if (out.isEmpty())
        QSKIP("set TANDEM_SCREENSHOTS to a folder to render the Archive tab");
    // TANDEM_LANGUAGE=de or fr, as scripts/screenshots.sh passes it: the labels must fit there too.
    const QString language = qEnvironmentVariable("TANDEM_LANGUAGE");
    if (!language.isEmpty())
        QVERIFY(ui::language::apply(language));
    fileMessages(3);
    if (QTest::currentTestFailed())
        return;
    {
        QString error;
        auto archive = Engine::openArchive(settings(), &error);
        QVERIFY2(archive, qPrintable(error));
        QVERIFY(archive->setHold(kAlice, true, u"console, user anna"_s,
                                 u"litigation 2026-17, requested by counsel"_s, &error));
    }
    auto dialog = openTab();
    QTRY_VERIFY(!find<QLabel>(dialog.get(), u"liveFigures"_s)->text().isEmpty());
    QTest::mouseClick(find<QRadioButton>(dialog.get(), u"archiveModeCustom"_s), Qt::LeftButton, {},
                      QPoint(8, 8));
    find<QSpinBox>(dialog.get(), u"archiveAfter"_s)->setValue(30);
    find<QSpinBox>(dialog.get(), u"expireAfter"_s)->setValue(7);
    auto *years = find<QComboBox>(dialog.get(), u"expireAfterUnit"_s);
    years->setCurrentIndex(years->findData(8760)); // by its hours: the text is translated
    QTest::qWait(50);
    QDir().mkpath(out);
    QVERIFY(dialog->grab().save(out + u"/options-mailbox-archive.png"_s));
}

QTEST_MAIN(TestArchiveTab)
#include "tst_archivetab.moc"
