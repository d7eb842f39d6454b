// The Search for Message window on a real archive: 300 messages filed into several mailboxes
// (a tenth of them into two, one to a Bcc recipient), searched by typing into the query line,
// paged, sorted, previewed with all their copies, copied back into another mailbox's Restored
// folder, exported as an mbox and as .eml files, and an export cancelled part way.
#include "archive/archive.h"
#include "archivesearch.h"
#include "config/settings.h"
#include "engine.h"
#include "enginehost.h"
#include "language.h"
#include "mailbox/mailboxstore.h"
#include "mainwindow.h"
#include "searchmodel.h"
#include "searchwindow.h"
#include "threadwarnings.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollBar>
#include <QSet>
#include <QSignalSpy>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>

#include <atomic>
#include <memory>

using namespace Qt::StringLiterals;
using namespace tandem;
using tandem::ui::EngineHost;
using tandem::ui::SearchModel;
using tandem::ui::SearchWindow;

namespace {

constexpr int kMessages = 300;
const QDateTime kFirstDate(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);

template <typename T> T *find(QObject *parent, const QString &name)
{
    T *w = parent->findChild<T *>(name);
    if (!w)
        qFatal("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
    return w;
}

config::Settings settingsIn(const QString &dir)
{
    QJsonObject json = QJsonDocument::fromJson(config::defaultConfigJson()).object();
    QJsonObject server = json.value(u"server"_s).toObject();
    server.insert(u"data_dir"_s, dir + u"/data"_s);
    json.insert(u"server"_s, server);
    const config::LoadResult loaded = config::parse(QJsonDocument(json).toJson(), dir);
    if (!loaded.ok())
        qFatal("configuration not valid: %s", qPrintable(loaded.errors.join(u"; "_s)));
    return loaded.settings;
}

// One message and the mailboxes it is filed into (each with its envelope recipient).
struct Message {
    QByteArray bytes;
    QString sender;         // MAIL FROM
    QStringList mailboxes;  // "alice@example.com", or "alice@example.com/Sent"
    QStringList recipients; // Delivered-To of each copy, as mailboxes
    QDateTime filed = QDateTime::currentDateTimeUtc();
};

// The i-th of the 300: from sender<i % 5>, to alice, "Report i", dated i hours into 2026, of a
// size that does not follow i; every tenth also in bob's mailbox, number 7 also Bcc to carol,
// number 3 with an attachment.
Message numbered(int i)
{
    Message m;
    const QByteArray from = "sender" + QByteArray::number(i % 5) + "@remote.test";
    m.sender = QString::fromLatin1(from);
    const QByteArray head =
        "From: Sender " + QByteArray::number(i % 5) + " <" + from +
        ">\r\nTo: Alice <alice@example.com>\r\nSubject: Report " + QByteArray::number(i) +
        "\r\nDate: " + kFirstDate.addSecs(3600LL * i).toString(Qt::RFC2822Date).toLatin1() +
        "\r\nMessage-ID: <report-" + QByteArray::number(i) +
        "@remote.test>\r\nMIME-Version: 1.0\r\n";
    QByteArray padding;
    for (int n = (i * 7919) % 4000; n > 0; n -= 60)
        padding += QByteArray(58, 'a' + char(i % 26)) + "\r\n";
    const QByteArray text = "Quarterly figures, item " + QByteArray::number(i) + ".\r\n" + padding;
    if (i == 3) {
        m.bytes = head +
                  "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
                  "Content-Type: text/plain\r\n\r\n" +
                  text +
                  "--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; "
                  "filename=\"figures.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
                  QByteArray("%PDF-1.4 figures").toBase64() + "\r\n--b--\r\n";
    } else {
        m.bytes = head + "Content-Type: text/plain\r\n\r\n" + text;
    }
    m.mailboxes = QStringList{u"alice@example.com"_s};
    m.recipients = m.mailboxes;
    if (i % 10 == 0) {
        m.mailboxes.append(u"bob@example.com"_s);
        m.recipients.append(u"bob@example.com"_s);
    }
    if (i == 7) { // Bcc: carol is named in no header
        m.mailboxes.append(u"carol@example.com"_s);
        m.recipients.append(u"carol@example.com"_s);
    }
    return m;
}

// Files the messages as delivery does: each copy with its Return-Path: and Delivered-To:.
bool fileMessages(const config::Settings &settings, const QString &dir,
                  const QList<Message> &messages, QString *error)
{
    mailbox::MailboxStore store(settings.dataPath() + u"/mailboxes"_s, settings.server.hostname,
                                settings.mailboxes.mailboxTemplate);
    auto archive = Engine::openArchive(settings, error);
    if (!archive)
        return false;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const Message &m = messages.at(i);
        const QString path = u"%1/message%2.eml"_s.arg(dir).arg(i);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(m.bytes) != m.bytes.size()) {
            *error = f.errorString();
            return false;
        }
        f.close();
        for (qsizetype c = 0; c < m.mailboxes.size(); ++c) {
            const QString mailbox = m.mailboxes.at(c).section(u'/', 0, 0);
            const QString local = mailbox.section(u'@', 0, 0);
            if (!store.existsOnDisk(local, u"example.com"_s) &&
                !store.create(local, u"example.com"_s, error))
                return false;
            archive::FiledCopy copy;
            copy.mailbox = mailbox;
            copy.folder = m.mailboxes.at(c).section(u'/', 1);
            copy.key = u"Q%1A%2"_s.arg(i).arg(c);
            copy.deliveredTo = m.recipients.at(c);
            copy.prefix = "Return-Path: <" + m.sender.toUtf8() +
                          ">\r\nDelivered-To: " + copy.deliveredTo.toUtf8() + "\r\n";
            copy.messagePath = path;
            copy.filed = m.filed;
            if (!archive->recordFiled(copy, error))
                return false;
        }
        if (i % 64 == 63 && !archive->commit(error))
            return false;
    }
    return archive->commit(error);
}

int mboxMessages(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    int n = 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        n += line.startsWith("From ");
    return n;
}

} // namespace

class TestSearchWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void queryFindsEveryCopy();
    void pagesAsItScrolls();
    void bccRecipientFoundAndPreviewed();
    void sortByDateSizeAndSender();
    void badQueryShowsItsError();
    void staleAnswersDropped();
    void helpersWriteTerms();
    void copyBackToRestored();
    void exportToMbox();
    void exportAllFoundAsEml();
    void exportCancelledPartWay();
    void toolsMenuOpensSearch();
    void screenshot();

private:
    void runQuery(const QString &query);
    // Waits until the query's count and first page are in.
    void waitForResults();
    // Scrolls to the end until every hit is loaded.
    void loadAll();
    QStringList column(int column) const;
    // Clicks a toolbar button whose action exec()s a dialog, and acts in it first.
    void inDialog(const QString &button, const std::function<void(QWidget *)> &act);
    QMessageBox *waitForSummary(const QString &name);

    QTemporaryDir m_dir;
    config::Settings m_settings;
    std::unique_ptr<EngineHost> m_host;
    std::unique_ptr<SearchWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestSearchWindow::initTestCase()
{
    ui::language::apply(u"en"_s);
    QVERIFY(m_dir.isValid());
    m_settings = settingsIn(m_dir.path());
    QList<Message> messages;
    for (int i = 0; i < kMessages; ++i)
        messages.append(numbered(i));
    QString error;
    QVERIFY2(fileMessages(m_settings, m_dir.path(), messages, &error), qPrintable(error));
    // dave has a mailbox and no mail yet: the copy back's target.
    mailbox::MailboxStore store(m_settings.dataPath() + u"/mailboxes"_s, m_settings.server.hostname,
                                m_settings.mailboxes.mailboxTemplate);
    QVERIFY2(store.create(u"dave"_s, u"example.com"_s, &error), qPrintable(error));
}

void TestSearchWindow::init()
{
    tandem::test::failOnThreadWarnings();
    m_host = std::make_unique<EngineHost>();
    m_window = std::make_unique<SearchWindow>(m_host.get());
    // Attached before any query runs: every page and reset is checked.
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_window->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    m_window->setSettings(m_settings);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    // Shown, it runs the empty query: the newest copies of all.
    waitForResults();
}

void TestSearchWindow::cleanup()
{
    m_tester.reset();
    m_window.reset();
    m_host.reset();
}

void TestSearchWindow::runQuery(const QString &query)
{
    auto *edit = find<QLineEdit>(m_window.get(), u"queryEdit"_s);
    edit->clear();
    QTest::keyClicks(edit, query);
    QTest::keyClick(edit, Qt::Key_Return);
    waitForResults();
}

void TestSearchWindow::waitForResults()
{
    SearchModel *model = m_window->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->hasQuery() && !model->isFetching() &&
                                 (model->totalCount() >= 0 || !model->error().isEmpty()),
                             10000);
}

void TestSearchWindow::loadAll()
{
    SearchModel *model = m_window->model();
    for (int guard = 0; !model->isComplete() && guard < 100; ++guard) {
        m_window->view()->scrollToBottom();
        QTRY_VERIFY_WITH_TIMEOUT(!model->isFetching(), 10000);
        QCoreApplication::processEvents();
    }
    QVERIFY(model->isComplete());
}

QStringList TestSearchWindow::column(int column) const
{
    QStringList out;
    for (int row = 0; row < m_window->model()->rowCount(); ++row)
        out.append(m_window->model()->index(row, column).data().toString());
    return out;
}

void TestSearchWindow::inDialog(const QString &button, const std::function<void(QWidget *)> &act)
{
    bool seen = false;
    QTimer::singleShot(0, this, [&] {
        QWidget *dialog = QApplication::activeModalWidget();
        QVERIFY(dialog);
        seen = true;
        act(dialog);
        if (dialog->isVisible()) // a check in act failed: the test goes on to report it
            qobject_cast<QDialog *>(dialog)->reject();
    });
    QTest::mouseClick(find<QToolButton>(m_window.get(), button), Qt::LeftButton);
    QVERIFY(seen);
}

QMessageBox *TestSearchWindow::waitForSummary(const QString &name)
{
    QMessageBox *box = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] {
            box = m_window->findChild<QMessageBox *>(name);
            return box && box->isVisible();
        },
        30000);
    return shown ? box : nullptr;
}

// A message filed into two mailboxes is two hits, each with its own recipient.
void TestSearchWindow::queryFindsEveryCopy()
{
    // The empty query, run when the window was shown, finds every copy.
    QCOMPARE(m_window->model()->totalCount(), kMessages + kMessages / 10 + 1);
    runQuery(u"from:sender0"_s);
    SearchModel *model = m_window->model();
    QCOMPARE(model->totalCount(), 90); // 60 messages, 30 of them in bob's mailbox too
    QCOMPARE(model->rowCount(), 90);
    QCOMPARE(model->messageCount(), 60);
    // Rows are copies; the status counts messages and says how many copies they are.
    QCOMPARE(find<QLabel>(m_window.get(), u"searchStatus"_s)->text(),
             u"60 messages found (90 copies)"_s);
    const QStringList mailboxes = column(SearchModel::MailboxColumn);
    QCOMPARE(mailboxes.count(u"alice@example.com"_s), 60);
    QCOMPARE(mailboxes.count(u"bob@example.com"_s), 30);
    QCOMPARE(column(SearchModel::RecipientColumn), mailboxes);
    for (const QString &from : column(SearchModel::FromColumn))
        QCOMPARE(from, u"Sender 0"_s);
    QSet<qint64> ids;
    for (int row = 0; row < model->rowCount(); ++row) {
        const archive::SearchHit &hit = model->hitAt(row);
        QCOMPARE(hit.fromAddr, u"sender0@remote.test"_s);
        QCOMPARE(hit.subject.section(u' ', 1).toInt() % 5, 0);
        ids.insert(hit.placementId);
    }
    QCOMPARE(ids.size(), 90);
}

// 300 copies arrive a page at a time, the next page when the view scrolls to the end.
void TestSearchWindow::pagesAsItScrolls()
{
    runQuery(u"mailbox:alice"_s);
    SearchModel *model = m_window->model();
    QCOMPARE(model->totalCount(), kMessages);
    QCOMPARE(model->rowCount(), SearchModel::kPageSize);
    QVERIFY(model->canFetchMore({}));
    loadAll();
    QCOMPARE(model->rowCount(), kMessages);
    QSet<QString> subjects;
    for (int row = 0; row < model->rowCount(); ++row)
        subjects.insert(model->hitAt(row).subject);
    QCOMPARE(subjects.size(), kMessages);
    // Newest first, across the pages.
    for (int row = 1; row < model->rowCount(); ++row)
        QVERIFY(model->hitAt(row - 1).date > model->hitAt(row).date);
}

// to: finds a Bcc recipient by the envelope of the copy; the preview shows every copy of the
// message, in every mailbox, with its recipient, and the message's text and headers.
void TestSearchWindow::bccRecipientFoundAndPreviewed()
{
    // The message's recipients include carol's envelope: each of its copies is found...
    runQuery(u"to:carol"_s);
    SearchModel *model = m_window->model();
    QCOMPARE(model->rowCount(), 2);
    // ... carol's own by its Delivered-To:.
    runQuery(u"to:carol mailbox:carol"_s);
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->hitAt(0).mailbox, u"carol@example.com"_s);
    QCOMPARE(model->hitAt(0).deliveredTo, u"carol@example.com"_s);
    QCOMPARE(model->hitAt(0).subject, u"Report 7"_s);
    m_window->view()->selectRow(0);
    auto *copies = find<QTableWidget>(m_window.get(), u"previewCopies"_s);
    QTRY_COMPARE_WITH_TIMEOUT(copies->rowCount(), 2, 10000);
    QCOMPARE(find<QLabel>(m_window.get(), u"previewCopiesTitle"_s)->text(),
             u"Copies of this message (2)"_s);
    QVERIFY(!find<QListWidget>(m_window.get(), u"previewAttachments"_s)->isVisible());
    QCOMPARE(copies->item(0, 0)->text(), u"alice@example.com"_s);
    QCOMPARE(copies->item(1, 0)->text(), u"carol@example.com"_s);
    QCOMPARE(copies->item(1, 2)->text(), u"carol@example.com"_s);
    QCOMPARE(copies->item(1, 1)->text(), u"INBOX"_s);
    QVERIFY(copies->item(1, 0)->font().bold()); // the copy chosen
    QCOMPARE(find<QLabel>(m_window.get(), u"previewSubject"_s)->text(), u"Report 7"_s);
    QCOMPARE(find<QLabel>(m_window.get(), u"previewFrom"_s)->text(),
             u"Sender 2 <sender2@remote.test>"_s);
    QVERIFY(!find<QLabel>(m_window.get(), u"previewTo"_s)->text().contains(u"carol"_s));
    QCOMPARE(find<QLabel>(m_window.get(), u"previewMessageId"_s)->text(),
             u"<report-7@remote.test>"_s);
    QVERIFY(find<QPlainTextEdit>(m_window.get(), u"previewText"_s)
                ->toPlainText()
                .startsWith(u"Quarterly figures, item 7."_s));
    QVERIFY(find<QPlainTextEdit>(m_window.get(), u"previewHeaders"_s)
                ->toPlainText()
                .contains(u"Subject: Report 7\n"_s));

    // The attachment's name, in a message that has one.
    runQuery(u"has:attachment"_s);
    QCOMPARE(model->rowCount(), 1);
    m_window->view()->selectRow(0);
    auto *title = find<QLabel>(m_window.get(), u"previewAttachmentsTitle"_s);
    QTRY_COMPARE_WITH_TIMEOUT(title->text(), u"Attachments (1)"_s, 10000);
    QVERIFY(title->isVisible());
    auto *attachments = find<QListWidget>(m_window.get(), u"previewAttachments"_s);
    QCOMPARE(attachments->item(0)->text(), u"figures.pdf"_s);
}

void TestSearchWindow::sortByDateSizeAndSender()
{
    runQuery(u"mailbox:alice"_s);
    SearchModel *model = m_window->model();
    QHeaderView *header = m_window->view()->horizontalHeader();
    const auto click = [header](int column) {
        QTest::mouseClick(
            header->viewport(), Qt::LeftButton, {},
            QPoint(header->sectionViewportPosition(column) + header->sectionSize(column) / 2,
                   header->height() / 2));
    };
    const auto sizes = [model] {
        QList<qint64> out;
        for (int row = 0; row < model->rowCount(); ++row)
            out.append(model->hitAt(row).size);
        return out;
    };

    click(SearchModel::SizeColumn); // largest first
    waitForResults();
    QCOMPARE(model->sortColumn(), int(SearchModel::SizeColumn));
    QCOMPARE(model->sortOrder(), Qt::DescendingOrder);
    loadAll();
    QList<qint64> bySize = sizes();
    QCOMPARE(bySize.size(), kMessages);
    QVERIFY(std::is_sorted(bySize.rbegin(), bySize.rend()));
    QVERIFY(bySize.first() > bySize.last());

    // Subject does not sort: the order and its arrow stay.
    click(SearchModel::SubjectColumn);
    QCOMPARE(header->sortIndicatorSection(), int(SearchModel::SizeColumn));
    QCOMPARE(model->sortColumn(), int(SearchModel::SizeColumn));
    QCOMPARE(model->rowCount(), kMessages);

    click(SearchModel::SizeColumn); // smallest first
    waitForResults();
    QCOMPARE(model->sortOrder(), Qt::AscendingOrder);
    loadAll();
    bySize = sizes();
    QVERIFY(std::is_sorted(bySize.begin(), bySize.end()));

    click(SearchModel::FromColumn); // by the From: address, a to z
    waitForResults();
    QCOMPARE(model->sortColumn(), int(SearchModel::FromColumn));
    QCOMPARE(model->sortOrder(), Qt::AscendingOrder);
    loadAll();
    QStringList senders;
    for (int row = 0; row < model->rowCount(); ++row)
        senders.append(model->hitAt(row).fromAddr);
    QVERIFY(std::is_sorted(senders.begin(), senders.end()));
    QCOMPARE(senders.first(), u"sender0@remote.test"_s);
    QCOMPARE(senders.last(), u"sender4@remote.test"_s);

    click(SearchModel::DateColumn); // newest first again
    waitForResults();
    QCOMPARE(model->sortOrder(), Qt::DescendingOrder);
    QCOMPARE(model->hitAt(0).subject, u"Report 299"_s);
}

// A query that cannot be read says why and where, in the window; the cursor goes there.
void TestSearchWindow::badQueryShowsItsError()
{
    runQuery(u"subject:\"quarterly report"_s);
    auto *error = find<QLabel>(m_window.get(), u"queryError"_s);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(u"unclosed quote at 9"_s), qPrintable(error->text()));
    QCOMPARE(m_window->model()->rowCount(), 0);
    QVERIFY(!m_window->model()->canFetchMore({}));
    QCOMPARE(m_window->queryEdit()->cursorPosition(), 8);

    runQuery(u"form:carol"_s);
    QVERIFY2(error->text().contains(u"unknown field form: at 1"_s), qPrintable(error->text()));

    runQuery(u"subject:\"report 12\""_s);
    QVERIFY(!error->isVisible());
    QCOMPARE(m_window->model()->rowCount(), 1);
}

// An older query's pages and count, answered after a newer query began, are dropped.
void TestSearchWindow::staleAnswersDropped()
{
    SearchModel *model = m_window->model();
    QSignalSpy counted(m_host->archiveSearch(), &ui::ArchiveSearch::counted);
    model->setQuery(u"from:sender3"_s);
    model->sort(SearchModel::SizeColumn, Qt::AscendingOrder);
    model->setQuery(u"from:sender4"_s);
    waitForResults();
    QCOMPARE(model->query(), u"from:sender4"_s);
    QCOMPARE(model->totalCount(), 60);
    QCOMPARE(model->rowCount(), 60);
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(model->hitAt(row).fromAddr, u"sender4@remote.test"_s);
    model->sort(SearchModel::DateColumn, Qt::DescendingOrder);
    waitForResults();
}

// The date pickers, the mailbox chooser and the toggles write their terms into the query line
// and search; terms typed show in them.
void TestSearchWindow::helpersWriteTerms()
{
    auto *edit = m_window->queryEdit();
    auto *mailbox = find<QComboBox>(m_window.get(), u"mailboxChooser"_s);
    QTRY_COMPARE(mailbox->count(), 5); // all, and the four mailboxes on disk
    const int bob = mailbox->findText(u"bob@example.com"_s);
    QVERIFY(bob > 0);
    mailbox->setCurrentIndex(bob);
    emit mailbox->activated(bob);
    QCOMPARE(edit->text(), u"mailbox:bob@example.com"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->model()->query(), u"mailbox:bob@example.com"_s, 5000);
    waitForResults();
    QCOMPARE(m_window->model()->totalCount(), 30);

    mailbox->setCurrentIndex(mailbox->findText(u"alice@example.com"_s));
    emit mailbox->activated(mailbox->currentIndex());
    find<QCheckBox>(m_window.get(), u"hasAttachment"_s)->setChecked(true);
    QCOMPARE(edit->text(), u"mailbox:alice@example.com has:attachment"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->model()->query(), edit->text(), 5000);
    waitForResults();
    QCOMPARE(m_window->model()->totalCount(), 1);
    find<QCheckBox>(m_window.get(), u"hasAttachment"_s)->setChecked(false);

    // The first two days of 2026: reports 0 to 47 (dated hourly from midnight; days are the
    // searching machine's, so the range is taken wide enough for any zone's shift).
    find<QDateEdit>(m_window.get(), u"dateFrom"_s)->setDate(QDate(2025, 12, 31));
    find<QDateEdit>(m_window.get(), u"dateTo"_s)->setDate(QDate(2026, 1, 2));
    find<QCheckBox>(m_window.get(), u"dateRange"_s)->setChecked(true);
    QCOMPARE(edit->text(), u"mailbox:alice@example.com date:2025-12-31..2026-01-02"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->model()->query(), edit->text(), 5000);
    waitForResults();
    const qint64 inRange = m_window->model()->totalCount();
    QVERIFY2(inRange >= 48 && inRange <= 72, qPrintable(QString::number(inRange)));

    // Typed terms show in the helpers, a negated one does not.
    runQuery(u"is:archived mailbox:bob@example.com -has:attachment"_s);
    QCOMPARE(find<QComboBox>(m_window.get(), u"stateChooser"_s)->currentData().toString(),
             u"archived"_s);
    QCOMPARE(mailbox->currentText(), u"bob@example.com"_s);
    QVERIFY(!find<QCheckBox>(m_window.get(), u"dateRange"_s)->isChecked());
    QVERIFY(!find<QCheckBox>(m_window.get(), u"hasAttachment"_s)->isChecked());
    QCOMPARE(m_window->model()->totalCount(), 0); // nothing is archived yet
}

// Copy to mailbox: three chosen copies become live mail in dave's Restored folder, each the
// original message; the originals stay, and the new copies are found by a search.
void TestSearchWindow::copyBackToRestored()
{
    runQuery(u"from:sender1"_s);
    SearchModel *model = m_window->model();
    QCOMPARE(model->totalCount(), 60);
    QItemSelectionModel *selection = m_window->view()->selectionModel();
    for (int row : {0, 2, 5})
        selection->select(model->index(row, 0),
                          QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QStringList subjects;
    for (const archive::SearchHit &hit : m_window->selectedHits())
        subjects.append(hit.subject);
    QCOMPARE(subjects.size(), 3);

    QSignalSpy finished(m_window.get(), &SearchWindow::copyBackFinished);
    inDialog(u"copyToMailboxButton"_s, [](QWidget *dialog) {
        QCOMPARE(dialog->objectName(), u"copyBackDialog"_s);
        auto *mailbox = find<QComboBox>(dialog, u"copyBackMailbox"_s);
        QCOMPARE(mailbox->currentText(), u"alice@example.com"_s); // where they were
        mailbox->setCurrentIndex(mailbox->findText(u"dave@example.com"_s));
        QVERIFY(find<QRadioButton>(dialog, u"copyBackRestored"_s)->isChecked());
        QTest::mouseClick(find<QPushButton>(dialog, u"okButton"_s), Qt::LeftButton);
    });
    QMessageBox *summary = waitForSummary(u"copyBackSummary"_s);
    QVERIFY(summary);
    QCOMPARE(summary->text(), u"3 messages copied to dave@example.com, Restored."_s);
    QCOMPARE(finished.size(), 1);
    summary->accept();

    // In dave's Maildir, folder .Restored: each the original message after its prefix.
    const QString restored = m_settings.dataPath() + u"/mailboxes/example.com/dave/.Restored/new"_s;
    const QStringList files = QDir(restored).entryList(QDir::Files);
    QCOMPARE(files.size(), 3);
    QStringList found;
    for (const QString &name : files) {
        QFile f(restored + u'/' + name);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        const int i = QString::fromLatin1(bytes)
                          .section(u"Subject: Report "_s, 1)
                          .section(u'\n', 0, 0)
                          .toInt();
        QByteArray original = numbered(i).bytes;
        original.replace("\r\n", "\n"); // a Maildir file has the system's line ends
        QVERIFY2(bytes.endsWith(original), qPrintable(name));
        found.append(u"Report %1"_s.arg(i));
    }
    found.sort();
    subjects.sort();
    QCOMPARE(found, subjects);

    // Each copy back is in dave's ledger, which verify replays.
    {
        QString error;
        auto archive = Engine::openArchive(m_settings, &error);
        QVERIFY2(archive, qPrintable(error));
        const archive::VerifyReport verified = archive->verify(u"dave@example.com"_s);
        QVERIFY(verified.ok());
        QVERIFY(verified.entriesChecked >= 3);
    }

    // The search shows the new copies beside the originals, which stay as they were.
    waitForResults();
    QCOMPARE(model->totalCount(), 63);
    runQuery(u"mailbox:dave folder:Restored is:live"_s);
    QCOMPARE(model->totalCount(), 3);
    runQuery(u"mailbox:alice"_s);
    QCOMPARE(model->totalCount(), kMessages);
}

// Export of the chosen rows as one mbox: its summary, and the file holding each of them.
void TestSearchWindow::exportToMbox()
{
    runQuery(u"from:sender3"_s);
    QCOMPARE(m_window->model()->rowCount(), 60);
    m_window->view()->selectAll();
    const QString path = m_dir.filePath(u"sender3.mbox"_s);
    QSignalSpy finished(m_window.get(), &SearchWindow::exportFinished);
    inDialog(u"exportButton"_s, [path](QWidget *dialog) {
        QCOMPARE(dialog->objectName(), u"exportDialog"_s);
        QVERIFY(find<QRadioButton>(dialog, u"exportChosen"_s)->isChecked());
        QCOMPARE(find<QRadioButton>(dialog, u"exportChosen"_s)->text(),
                 u"The 60 &chosen messages"_s);
        find<QRadioButton>(dialog, u"exportMbox"_s)->setChecked(true);
        auto *edit = find<QLineEdit>(dialog, u"exportPath"_s);
        edit->clear();
        QTest::keyClicks(edit, path);
        QTest::mouseClick(find<QPushButton>(dialog, u"okButton"_s), Qt::LeftButton);
    });
    QMessageBox *summary = waitForSummary(u"exportSummary"_s);
    QVERIFY(summary);
    QCOMPARE(summary->text(), u"60 exported, 0 skipped."_s);
    summary->accept();
    QCOMPARE(finished.size(), 1);
    const auto report = finished.first().first().value<archive::ExportReport>();
    QVERIFY(report.ok());
    QCOMPARE(report.exported, 60);
    QCOMPARE(mboxMessages(path), 60);
}

// Every copy the query finds, also those never scrolled to, as a folder of .eml files.
void TestSearchWindow::exportAllFoundAsEml()
{
    runQuery(u"mailbox:alice"_s);
    QCOMPARE(m_window->model()->rowCount(), SearchModel::kPageSize); // not all loaded
    const QString folder = m_dir.filePath(u"alice-eml"_s);
    inDialog(u"exportButton"_s, [folder](QWidget *dialog) {
        QVERIFY(!find<QRadioButton>(dialog, u"exportChosen"_s)->isEnabled()); // none chosen
        QVERIFY(find<QRadioButton>(dialog, u"exportAllFound"_s)->isChecked());
        QCOMPARE(find<QRadioButton>(dialog, u"exportAllFound"_s)->text(),
                 u"&All 300 messages found"_s);
        find<QRadioButton>(dialog, u"exportEml"_s)->setChecked(true);
        auto *edit = find<QLineEdit>(dialog, u"exportPath"_s);
        QVERIFY(!edit->text().endsWith(u".mbox"_s)); // a folder's name now
        edit->setText(folder);
        QTest::mouseClick(find<QPushButton>(dialog, u"okButton"_s), Qt::LeftButton);
    });
    QMessageBox *summary = waitForSummary(u"exportSummary"_s);
    QVERIFY(summary);
    QCOMPARE(summary->text(), u"300 exported, 0 skipped."_s);
    summary->accept();
    const QStringList files = QDir(folder).entryList({u"*.eml"_s}, QDir::Files);
    QCOMPARE(files.size(), kMessages);
}

// An export cancelled from its progress window stops between messages; the summary says so
// and what was exported: into a folder, the .eml files written before the cancel.
void TestSearchWindow::exportCancelledPartWay()
{
    // The export waits after its first messages until Cancel was clicked: a cancel part way
    // however fast the machine.
    std::atomic_bool waiting = false;
    std::atomic_bool cancelled = false;
    m_host->archiveSearch()->setJobHook([&](quint64, qint64 done) {
        if (done == 0 || cancelled)
            return;
        waiting = true;
        for (int i = 0; i < 2000 && !cancelled; ++i)
            QThread::msleep(5);
    });
    runQuery(u"mailbox:alice"_s);
    loadAll();
    m_window->view()->selectAll();
    const QString folder = m_dir.filePath(u"cancelled"_s);
    QSignalSpy finished(m_window.get(), &SearchWindow::exportFinished);
    inDialog(u"exportButton"_s, [folder](QWidget *dialog) {
        QCOMPARE(find<QRadioButton>(dialog, u"exportChosen"_s)->text(),
                 u"The 300 &chosen messages"_s);
        find<QRadioButton>(dialog, u"exportEml"_s)->setChecked(true);
        find<QLineEdit>(dialog, u"exportPath"_s)->setText(folder);
        QTest::mouseClick(find<QPushButton>(dialog, u"okButton"_s), Qt::LeftButton);
    });
    QTRY_VERIFY_WITH_TIMEOUT(waiting, 10000);
    QDialog *progress = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((progress = m_window->findChild<QDialog *>(u"jobProgress"_s)) &&
                                 progress->isVisible(),
                             5000);
    QVERIFY(!find<QAction>(m_window.get(), u"exportAction"_s)->isEnabled()); // one at a time
    // Searching goes on while the export runs.
    runQuery(u"from:sender0"_s);
    QCOMPARE(m_window->model()->totalCount(), 90);
    QTest::mouseClick(find<QPushButton>(progress, u"cancelJobButton"_s), Qt::LeftButton);
    QCOMPARE(find<QLabel>(progress, u"jobProgressLabel"_s)->text(), u"Cancelling…"_s);
    cancelled = true;
    QMessageBox *summary = waitForSummary(u"exportSummary"_s);
    QVERIFY(summary);
    QCOMPARE(finished.size(), 1);
    const auto report = finished.first().first().value<archive::ExportReport>();
    QVERIFY(report.cancelled);
    QCOMPARE(report.requested, kMessages);
    QVERIFY2(report.exported > 0 && report.exported < kMessages,
             qPrintable(QString::number(report.exported)));
    QCOMPARE(summary->text(),
             u"Export cancelled: %1 of 300 messages exported."_s.arg(report.exported));
    QVERIFY2(summary->informativeText().contains(folder), qPrintable(summary->informativeText()));
    QCOMPARE(QDir(folder).entryList({u"*.eml"_s}, QDir::Files).size(), report.exported);
    summary->accept();
    QVERIFY(!m_window->findChild<QDialog *>(u"jobProgress"_s) ||
            !m_window->findChild<QDialog *>(u"jobProgress"_s)->isVisible());
    QVERIFY(find<QAction>(m_window.get(), u"exportAction"_s)->isEnabled());
    m_host->archiveSearch()->setJobHook({});
}

// Tools › Search for Message… shows the Search node's page with the keyboard in the query.
void TestSearchWindow::toolsMenuOpensSearch()
{
    const QString path = m_dir.filePath(u"tandem.json"_s);
    QString error;
    QVERIFY2(config::saveJson(config::toJson(m_settings), path, &error), qPrintable(error));
    ui::MainWindow window(path);
    QVERIFY(window.loadConfiguration());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *search = find<SearchWindow>(&window, u"searchWindow"_s);
    QVERIFY(!search->isVisible());
    QAbstractItemModelTester tester(search->model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    find<QAction>(&window, u"searchAction"_s)->trigger();
    QVERIFY(search->isVisible());
    QCOMPARE(find<QTreeWidget>(&window, u"navigation"_s)->currentItem()->text(0), u"Search"_s);
    QVERIFY(search->queryEdit()->hasFocus());
    QTRY_VERIFY_WITH_TIMEOUT(search->model()->totalCount() > 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!search->model()->isFetching(), 10000);
}

// With TANDEM_SCREENSHOTS=folder: the window on a small archive of everyday mail, a message
// filed into three mailboxes chosen, as search-window.png.
void TestSearchWindow::screenshot()
{
    const QString out = qEnvironmentVariable("TANDEM_SCREENSHOTS");
    if (out.isEmpty())
        QSKIP("set TANDEM_SCREENSHOTS to a folder to render the search window");
    // TANDEM_LANGUAGE=de or fr, as scripts/screenshots.sh passes it: the labels must fit there too.
    const QString language = qEnvironmentVariable("TANDEM_LANGUAGE");
    if (!language.isEmpty())
        QVERIFY(ui::language::apply(language));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const config::Settings settings = settingsIn(dir.path());
    struct Mail {
        const char *from;
        const char *to;
        const char *subject;
        int daysAgo;
        int kilobytes;
        const char *mailboxes;
        bool attachment;
    };
    const Mail mails[] = {
        {"Carol Jones <carol@customer.example>", "alice@example.com", "Quarterly report Q1", 2, 48,
         "alice@example.com bob@example.com erin@example.com", true},
        {"Dave Miller <dave@supplier.example>", "alice@example.com",
         "Re: Quote for the new office chairs", 3, 6, "alice@example.com", false},
        {"Alice Smith <alice@example.com>", "carol@customer.example",
         "Quarterly report: figures attached", 4, 1210, "alice@example.com/Sent", true},
        {"Frank Weber <frank@partner.example>", "bob@example.com", "Grüße aus Köln — Tagungsfotos",
         9, 3850, "bob@example.com", true},
        {"Erin Chen <erin@example.com>", "team@example.com", "Minutes of Tuesday's meeting", 12, 14,
         "alice@example.com bob@example.com erin@example.com", false},
        {"Carol Jones <carol@customer.example>", "bob@example.com", "Contract draft, version 3", 20,
         310, "bob@example.com", true},
        {"Bob Brown <bob@example.com>", "dave@supplier.example", "Order 4711", 33, 4,
         "bob@example.com/Sent", false},
        {"Postmaster <postmaster@example.com>", "postmaster@example.com", "Archive ledger heads",
         40, 2, "postmaster@example.com", false},
        {"Carol Jones <carol@customer.example>", "alice@example.com", "Project plan review", 45, 22,
         "alice@example.com", false},
        {"Grace Lee <grace@customer.example>", "erin@example.com", "Invoice 2026-0113", 61, 95,
         "erin@example.com", true},
    };
    QList<Message> messages;
    int n = 0;
    for (const Mail &mail : mails) {
        Message m;
        const QString from = QString::fromUtf8(mail.from);
        m.sender = from.section(u'<', 1).section(u'>', 0, 0);
        const QDateTime date =
            QDateTime::currentDateTime().addDays(-mail.daysAgo).addSecs(-3607 * n);
        QByteArray body = "Hello,\r\n\r\nplease find the details below.\r\n\r\n";
        while (body.size() < mail.kilobytes * 1024 / (mail.attachment ? 4 : 1))
            body += "The figures for the quarter are in line with the plan we agreed on.\r\n";
        body += "\r\nBest regards\r\n";
        const QByteArray head = "From: " + QByteArray(mail.from) + "\r\nTo: " + mail.to +
                                "\r\nSubject: " + QByteArray(mail.subject) +
                                "\r\nDate: " + date.toString(Qt::RFC2822Date).toLatin1() +
                                "\r\nMessage-ID: <m" + QByteArray::number(n) +
                                "@mail.example>\r\nMIME-Version: 1.0\r\n";
        if (mail.attachment)
            m.bytes = head +
                      "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
                      "Content-Type: text/plain; charset=utf-8\r\n\r\n" +
                      body +
                      "--b\r\nContent-Type: application/pdf\r\nContent-Disposition: "
                      "attachment; filename=\"report.pdf\"\r\nContent-Transfer-Encoding: "
                      "base64\r\n\r\n" +
                      QByteArray(mail.kilobytes * 700, 'x').toBase64() + "\r\n--b--\r\n";
        else
            m.bytes = head + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body;
        m.mailboxes = QString::fromUtf8(mail.mailboxes).split(u' ');
        for (const QString &mailbox : std::as_const(m.mailboxes))
            m.recipients.append(mailbox.section(u'/', 0, 0));
        m.filed = date.toUTC();
        messages.append(m);
        ++n;
    }
    QString error;
    QVERIFY2(fileMessages(settings, dir.path(), messages, &error), qPrintable(error));

    SearchWindow window(m_host.get());
    window.setSettings(settings);
    window.resize(1200, 760);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(window.model()->totalCount() > 0 && !window.model()->isFetching(),
                             10000);
    QTest::keyClicks(window.queryEdit(), u"quarterly"_s);
    QTest::keyClick(window.queryEdit(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(window.model()->totalCount() >= 0 && !window.model()->isFetching(),
                             10000);
    window.view()->selectRow(0);
    window.view()->selectionModel()->select(
        window.model()->index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    auto *copies = find<QTableWidget>(&window, u"previewCopies"_s);
    QTRY_VERIFY_WITH_TIMEOUT(copies->rowCount() > 0, 10000);
    QTest::qWait(300);
    QDir().mkpath(out);
    QVERIFY(window.grab().save(out + u"/search-window.png"_s));
    ui::language::apply(u"en"_s);
}

QTEST_MAIN(TestSearchWindow)
#include "tst_searchwindow.moc"
