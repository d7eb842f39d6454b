// fsutil's folder helpers: a failure names the folder, the system's reason and the user.
#include "util/fsutil.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem;

class TestFsutil : public QObject {
    Q_OBJECT
private slots:
    void createsMissingParents();
    void failureSaysWhyAndAsWhom();
    void writableFolder();
};

void TestFsutil::createsMissingParents()
{
    QTemporaryDir tmp;
    const QString path = tmp.path() + u"/a/b/c"_s;
    QString error;
    QVERIFY2(fsutil::ensureDirectory(path, &error), qPrintable(error));
    QVERIFY(QFileInfo(path).isDir());
    QVERIFY2(fsutil::ensureDirectory(path, &error), qPrintable(error)); // there already
}

void TestFsutil::failureSaysWhyAndAsWhom()
{
    // A file where a folder should be fails for root too (permissions would not).
    QTemporaryDir tmp;
    QFile file(tmp.path() + u"/data"_s);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    // The folder that failed is named, whether it was asked for or is a parent of it.
    const QString expected = u"cannot create folder %1/data: a file has that name (running as "
                             "user %2)"_s.arg(tmp.path(), fsutil::currentUserName());
    QString error;
    QVERIFY(!fsutil::ensureDirectory(tmp.path() + u"/data/mailboxes"_s, &error));
    QCOMPARE(error, expected);
    QVERIFY(!fsutil::ensureDirectory(tmp.path() + u"/data"_s, &error));
    QCOMPARE(error, expected);
}

void TestFsutil::writableFolder()
{
    QTemporaryDir tmp;
    QString error;
    QVERIFY2(fsutil::checkWritableFolder(tmp.path(), &error), qPrintable(error));
    QVERIFY2(fsutil::checkWritableFolder(tmp.path() + u"/not/yet"_s, &error), qPrintable(error));
    QFile file(tmp.path() + u"/file"_s);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QVERIFY(!fsutil::checkWritableFolder(tmp.path() + u"/file/sub"_s, &error));
    QCOMPARE(error, u"%1/file is not a folder"_s.arg(tmp.path()));
}

QTEST_GUILESS_MAIN(TestFsutil)
#include "tst_fsutil.moc"
