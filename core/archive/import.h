#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

// The reading side of `tandemd archive import` (docs/archive.md, "Importing"): what the
// messages of an mbox file, a Maildir or a folder of .eml files are, as the store keeps them.
// Archive::importMessages() stores them; this file only finds and reads them, a bounded buffer
// at a time, so that a 5 GB mbox never sits in memory.
//
// A message's stored bytes are the store's form of the original: CRLF line ends (a bare LF
// becomes CRLF, as a Maildir file found by a run is stored), without the envelope lines a
// final delivery put before it (a first Return-Path:, the first Delivered-To:, X-Envelope-To:;
// they become the placement's prefix, as with a copy Tandem files), and for an mbox without
// its "From " separator line, with mboxrd's quoting undone (">From " loses one '>') and
// without the blank line that closes it; its last line ends with CRLF like every message
// received over SMTP, whether or not the file's did. So the same message filed over SMTP, exported
// to an mbox by Tandem and imported again has the same SHA-256, and is stored once.
namespace tandem::archive {

// A message of an import source: where its bytes are, and its name in failures and the ledger.
struct ImportItem {
    QString path;
    qint64 begin = 0;  // the message's bytes in the file: [begin, end)
    qint64 end = -1;   // -1: to the end of the file
    bool mbox = false; // mboxrd quoting to undo
    QString where;     // "message 3 at byte 1234" (of an mbox), else the file's path
    QString folder;    // a Maildir++ folder ("" for INBOX, "Sent" for .Sent)
    QString flags;     // a Maildir file's flags ("S", "RS")
};

// What reading a message once gives before it is stored: its hash, and whether it is a message.
struct ImportDigest {
    QString sha256; // hex, of the stored bytes
    qint64 size = 0;
    QByteArray prefix; // the envelope lines before it (CRLF)
    QString problem;   // why it is no message to store; "" when it is one
};

// A message larger than this is a failure: one message of an mbox whose "From " lines are
// damaged may run to the end of the file, and the index reads a stored message whole.
inline constexpr qint64 kMaxImportedMessageBytes = qint64(1) << 30;

// Turns an item's raw lines into its stored bytes (see above). Fed a line at a time: a piece
// of at most one line, lineStart when it begins one (a line longer than the reader's buffer
// comes in several pieces).
class ImportDecoder {
public:
    using Sink = std::function<bool(const char *, qint64)>;
    ImportDecoder(bool mbox, Sink sink);

    // false when the sink refused (the output reaches it in blocks).
    bool feed(QByteArrayView piece, bool lineStart);
    // After the last piece: hands over the rest, and sets problem() for an empty message.
    bool finish();
    const QByteArray &prefix() const { return m_prefix; }
    // "" while the bytes look like a message: they begin with a header field.
    const QString &problem() const { return m_problem; }

private:
    enum class State { Prefix, FirstLine, Body };
    bool isPrefixLine(QByteArrayView piece, bool lineStart);
    void convert(QByteArrayView piece, QByteArray *out);

    bool m_mbox;
    Sink m_sink;
    State m_state = State::Prefix;
    QByteArray m_prefix;
    QByteArray m_out;
    bool m_any = false;       // a line of the message itself was fed
    bool m_lineHasCr = false; // the piece before (of a line in pieces) ended with CR
    bool m_first = true;
    bool m_inEnvelope = false; // X-Envelope-To: may go on over continuation lines
    bool m_deliveredTo = false;
    bool m_prefixLineOpen = false; // a prefix line goes on in the next piece
    bool m_endsLine = true;        // the last piece of the message fed ended its line
    QString m_problem;
};

// Reads an item's bytes through an ImportDecoder into sink; false with *error when the file
// cannot be read (or sink refuses). *prefix, when given, gets the prefix.
bool readImportItem(const ImportItem &item, const ImportDecoder::Sink &sink, QByteArray *prefix,
                    QString *error);
// Reads an item once: its digest.
bool digestImportItem(const ImportItem &item, ImportDigest *digest, QString *error);

class LineReader;

// Walks an mbox file message by message with a bounded buffer, hashing each one as it goes.
//
// A message begins at a line "From <something>" that is the file's first line or follows a
// blank line (mboxrd, mboxo and Thunderbird's mboxes all write the blank line; a body line
// "From ..." is quoted as ">From ..." by every writer but the worst, and one that is not still
// does not split a message unless a blank line precedes it). The blank line before a "From "
// line is the mbox's, not the message's. Content-Length: headers (mboxcl) are not read.
class MboxScanner {
public:
    MboxScanner();
    ~MboxScanner();
    MboxScanner(const MboxScanner &) = delete;
    MboxScanner &operator=(const MboxScanner &) = delete;

    // Opens the file at offset: 0, or the "From " line an earlier import stopped before (the
    // messages then numbered after firstNumber).
    bool open(const QString &path, qint64 offset, qint64 firstNumber, QString *error);
    struct Message {
        ImportItem item;
        ImportDigest digest;
        qint64 fromOffset = 0; // of its "From " line (of its first byte, for text before one)
        qint64 number = 0;     // 1, 2, ...; 0 for text before the first "From " line
    };
    // The next message; std::nullopt at the end of the file, or on a read error (*error set).
    std::optional<Message> next(QString *error);
    // Where the message after the one next() returned begins (its "From " line), or the end.
    qint64 resumeOffset() const { return m_nextFrom; }
    qint64 number() const { return m_number; }
    qint64 size() const;

    // Whether a line (its first kilobyte is enough) is a "From " separator line; the caller
    // knows whether a blank line precedes it.
    static bool isFromLine(QByteArrayView line);

private:
    std::optional<Message> scan(QString *error);

    QString m_path;
    std::unique_ptr<LineReader> m_reader;
    qint64 m_number = 0;
    qint64 m_nextFrom = -1;  // the "From " line read ahead, or the end of the file
    qint64 m_nextBegin = -1; // the byte after it
    bool m_started = false;
    bool m_done = false;
};

// What an mbox import's checkpoint notes of the file up to offset, to know it again: the
// SHA-256 of the 64 KiB before it. "" when the file cannot be read there, or offset is neither
// its end nor the start of a "From " line that a blank line precedes.
QString mboxCheckpointMark(const QString &path, qint64 offset);

// The files of a Maildir: cur/ and new/ of its INBOX and of each Maildir++ folder (.Sent ->
// "Sent"), sorted; tmp/ (deliveries under way) and hidden files are left out. Empty with
// *error when the folder is not a Maildir.
QList<ImportItem> listMaildir(const QString &dir, QString *error);
// The regular files under a folder (recursively, hidden ones left out), sorted; or the file
// itself when path is a file.
QList<ImportItem> listMessageFiles(const QString &path, QString *error);

} // namespace tandem::archive
