#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

// mboxrd (Hall's "mbox" family, as mutt and Thunderbird read it): a "From " line before each
// message, LF line ends, and every line matching ^>*From  quoted with one more '>', so that
// reading undoes the quoting exactly.
namespace tandem::archive {

class MboxWriter {
public:
    // The separator line: "From MAILER-DAEMON Mon Nov 30 20:17:10 2026".
    static QByteArray fromLine(const QDateTime &time);

    void begin(const QDateTime &time);
    // Message bytes (CRLF or LF), in chunks of any size.
    void feed(QByteArray chunk);
    // Ends the message with its blank line.
    void end();
    // What is ready to be written; takes it.
    QByteArray take();

private:
    void line(const QByteArray &text); // without its line end

    QByteArray m_out;
    QByteArray m_partial;
    bool m_endsWithNewline = true;
};

} // namespace tandem::archive
