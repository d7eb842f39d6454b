#pragma once

#include <QRegularExpression>
#include <QTest>

namespace tandem::test {

// Qt's warnings that an object was used from a thread it does not live on ("Timers cannot be
// started from another thread", ...) are defects: a timer that never fires, a socket never
// read. Called from every test class's init(), they fail the test function that caused them.
inline void failOnThreadWarnings()
{
    QTest::failOnWarning(QRegularExpression(
        QStringLiteral("from another thread|in a different thread|owned by a different thread|"
                       "started with QThread|Cannot create children for a parent|moveToThread")));
}

} // namespace tandem::test
