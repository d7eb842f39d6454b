#include "import.h"

#include "util/fsutil.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace tandem::archive {

namespace {

constexpr qsizetype kBufferBytes = 1024 * 1024;
// Output handed to the sink in blocks: a call per line was a hash call per 80 bytes.
constexpr qsizetype kOutputBlock = 64 * 1024;
// Envelope lines before a message: an X-Envelope-To: of many recipients fits many times over.
constexpr qsizetype kMaxPrefixBytes = 1024 * 1024;

bool isBlank(QByteArrayView line)
{
    return line == "\n" || line == "\r\n";
}

// RFC 5322 §2.2: a field name is printable US-ASCII but ':', then the colon (obsolete syntax,
// §4.5.3, lets white space come before it).
bool isHeaderField(QByteArrayView line)
{
    qsizetype i = 0;
    while (i < line.size() && line.at(i) >= 33 && line.at(i) <= 126 && line.at(i) != ':')
        ++i;
    if (i == 0)
        return false;
    while (i < line.size() && (line.at(i) == ' ' || line.at(i) == '\t'))
        ++i;
    return i < line.size() && line.at(i) == ':';
}

} // namespace

// A file's lines, in pieces of at most one line, read through a buffer of kBufferBytes.
class LineReader {
public:
    struct Piece {
        QByteArrayView bytes; // valid until the next call
        bool lineStart = false;
        qint64 offset = 0;
    };

    bool open(const QString &path, qint64 begin, qint64 end, QString *error)
    {
        // Not blocked by a FIFO: only a regular file is read.
        m_fd = fsutil::Fd(
            ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
        struct stat st;
        if (!m_fd.isValid() || ::fstat(m_fd.get(), &st) != 0) {
            *error = u"cannot open: %1"_s.arg(fsutil::errnoText(errno));
            return false;
        }
        if (!S_ISREG(st.st_mode)) {
            *error = S_ISDIR(st.st_mode) ? u"a folder, not a file"_s : u"not a regular file"_s;
            return false;
        }
        m_size = st.st_size;
        if (begin > 0 && ::lseek(m_fd.get(), begin, SEEK_SET) != begin) {
            *error = u"cannot read: %1"_s.arg(fsutil::errnoText(errno));
            return false;
        }
        m_bufferOffset = begin;
        m_end = end;
        m_buffer.resize(kBufferBytes);
        return true;
    }

    qint64 size() const { return m_size; }

    bool next(Piece *piece, QString *error)
    {
        for (;;) {
            if (m_pos < m_len) {
                const char *start = m_buffer.constData() + m_pos;
                const auto *nl = static_cast<const char *>(std::memchr(start, '\n', m_len - m_pos));
                qsizetype n = -1;
                if (nl)
                    n = nl - start + 1;
                else if (m_eof || (m_pos == 0 && m_len == m_buffer.size()))
                    n = m_len - m_pos; // the end of the file, or a line longer than the buffer
                if (n > 0) {
                    *piece = {QByteArrayView(start, n), m_atLineStart, m_bufferOffset + m_pos};
                    m_atLineStart = nl != nullptr;
                    m_pos += n;
                    return true;
                }
            }
            if (m_eof)
                return false;
            std::memmove(m_buffer.data(), m_buffer.constData() + m_pos, size_t(m_len - m_pos));
            m_bufferOffset += m_pos;
            m_len -= m_pos;
            m_pos = 0;
            qint64 want = m_buffer.size() - m_len;
            if (m_end >= 0)
                want = std::min(want, m_end - (m_bufferOffset + m_len));
            ssize_t got = 0;
            if (want > 0) {
                do {
                    got = ::read(m_fd.get(), m_buffer.data() + m_len, size_t(want));
                } while (got < 0 && errno == EINTR);
            }
            if (got < 0) {
                *error = u"cannot read: %1"_s.arg(fsutil::errnoText(errno));
                return false;
            }
            m_eof = got == 0;
            m_len += got;
        }
    }

private:
    fsutil::Fd m_fd;
    QByteArray m_buffer;
    qint64 m_bufferOffset = 0; // file offset of m_buffer[0]
    qsizetype m_pos = 0;
    qsizetype m_len = 0;
    qint64 m_end = -1;
    qint64 m_size = 0;
    bool m_eof = false;
    bool m_atLineStart = true;
};

ImportDecoder::ImportDecoder(bool mbox, Sink sink)
    : m_mbox(mbox)
    , m_sink(std::move(sink))
{
    m_out.reserve(kOutputBlock + 1024);
}

bool ImportDecoder::isPrefixLine(QByteArrayView piece, bool lineStart)
{
    if (!lineStart)
        return m_prefixLineOpen;
    const bool first = m_first;
    m_first = false;
    if (m_inEnvelope && (piece.startsWith(' ') || piece.startsWith('\t')))
        return true;
    m_inEnvelope = false;
    if (first && piece.startsWith("Return-Path:"))
        return true;
    if (!m_deliveredTo && piece.startsWith("Delivered-To:")) {
        m_deliveredTo = true;
        return true;
    }
    if (piece.startsWith("X-Envelope-To:")) {
        m_inEnvelope = true;
        return true;
    }
    return false;
}

// A bare LF becomes CRLF; CRLF and a lone CR stay as they are (what a run stores of a Maildir
// file it finds, and what SMTP hands over).
void ImportDecoder::convert(QByteArrayView piece, QByteArray *out)
{
    if (!piece.endsWith('\n')) {
        out->append(piece);
        m_lineHasCr = piece.endsWith('\r');
        return;
    }
    const bool cr = piece.size() >= 2 ? piece.at(piece.size() - 2) == '\r' : m_lineHasCr;
    out->append(piece.first(piece.size() - 1));
    out->append(cr ? "\n" : "\r\n");
    m_lineHasCr = false;
}

bool ImportDecoder::feed(QByteArrayView piece, bool lineStart)
{
    // mboxrd: a line ">From ", ">>From ", ... lost nothing but its first '>' (mboxo quotes only
    // "From ", and its rare ">From " lines of the original lose a '>' here: unknowable).
    if (m_mbox && lineStart && piece.startsWith('>')) {
        qsizetype i = 0;
        while (i < piece.size() && piece.at(i) == '>')
            ++i;
        if (piece.sliced(i).startsWith("From "))
            piece = piece.sliced(1);
    }
    if (m_state == State::Prefix) {
        if (isPrefixLine(piece, lineStart)) {
            m_prefixLineOpen = !piece.endsWith('\n');
            if (m_prefix.size() + piece.size() <= kMaxPrefixBytes)
                convert(piece, &m_prefix);
            else if (m_problem.isEmpty()) // kept no further: a message of them is none
                m_problem = u"its envelope lines (Return-Path:, Delivered-To:, X-Envelope-To:) "
                            "exceed 1 MiB"_s;
            return true;
        }
        m_state = State::FirstLine;
        m_lineHasCr = false;
    }
    if (m_state == State::FirstLine) {
        m_state = State::Body;
        if (m_problem.isEmpty()) {
            if (piece.startsWith("From ")) {
                m_problem = m_mbox ? u"not a message: it begins with a second \"From \" line"_s
                                   : u"not a message: it begins with an mbox \"From \" line "
                                     "(import an mbox file with --mbox)"_s;
            } else if (isBlank(piece)) {
                m_problem = u"not a message: it has no header"_s;
            } else if (!isHeaderField(piece.first(std::min<qsizetype>(piece.size(), 1024)))) {
                m_problem = u"not a message: it does not begin with a header field"_s;
            }
        }
    }
    convert(piece, &m_out);
    m_any = true;
    m_endsLine = piece.endsWith('\n');
    if (m_out.size() < kOutputBlock)
        return true;
    const bool ok = m_sink(m_out.constData(), m_out.size());
    m_out.clear();
    return ok;
}

bool ImportDecoder::finish()
{
    if (!m_any && m_problem.isEmpty())
        m_problem = !m_prefix.isEmpty() ? u"not a message: only envelope lines"_s
                    : m_mbox            ? u"empty message"_s
                                        : u"empty file"_s;
    // The last line ends too, as in every message received over SMTP (and as an mbox cannot
    // keep it otherwise): a file saved without its last line end is the same message.
    if (m_any && !m_endsLine)
        m_out.append(m_lineHasCr ? "\n" : "\r\n");
    const bool ok = m_out.isEmpty() || m_sink(m_out.constData(), m_out.size());
    m_out.clear();
    return ok;
}

bool readImportItem(const ImportItem &item, const ImportDecoder::Sink &sink, QByteArray *prefix,
                    QString *error)
{
    error->clear();
    LineReader reader;
    if (!reader.open(item.path, item.begin, item.end, error))
        return false;
    ImportDecoder decoder(item.mbox, sink);
    LineReader::Piece piece;
    bool ok = true;
    while (ok && reader.next(&piece, error))
        ok = decoder.feed(piece.bytes, piece.lineStart);
    if (!ok || !error->isEmpty())
        return false;
    if (!decoder.finish())
        return false;
    if (prefix)
        *prefix = decoder.prefix();
    return true;
}

namespace {

// Hashes what a decoder hands out, up to the size limit.
class Hasher {
public:
    bool add(const char *data, qint64 n)
    {
        m_size += n;
        if (m_size <= kMaxImportedMessageBytes)
            m_hash.addData(QByteArrayView(data, n));
        return true;
    }
    void finish(const ImportDecoder &decoder, ImportDigest *digest)
    {
        digest->sha256 = QString::fromLatin1(m_hash.result().toHex());
        digest->size = m_size;
        digest->prefix = decoder.prefix();
        digest->problem = decoder.problem();
        if (digest->problem.isEmpty() && m_size > kMaxImportedMessageBytes)
            digest->problem = u"%1 bytes: larger than the 1 GiB a message may have (in an mbox, "
                              "a damaged \"From \" line runs messages together)"_s.arg(m_size);
    }

private:
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
    qint64 m_size = 0;
};

} // namespace

bool digestImportItem(const ImportItem &item, ImportDigest *digest, QString *error)
{
    error->clear();
    Hasher hasher;
    LineReader reader;
    if (!reader.open(item.path, item.begin, item.end, error))
        return false;
    ImportDecoder decoder(item.mbox, [&](const char *d, qint64 n) { return hasher.add(d, n); });
    LineReader::Piece piece;
    while (reader.next(&piece, error)) {
        decoder.feed(piece.bytes, piece.lineStart);
        // Not a message: the rest of a large file need not be read to say so.
        if (!decoder.problem().isEmpty())
            break;
    }
    if (!error->isEmpty())
        return false;
    decoder.finish();
    hasher.finish(decoder, digest);
    return true;
}

MboxScanner::MboxScanner() = default;
MboxScanner::~MboxScanner() = default;

qint64 MboxScanner::size() const
{
    return m_reader ? m_reader->size() : 0;
}

bool MboxScanner::isFromLine(QByteArrayView line)
{
    // "From <sender> <date>": a word after "From ", and the date's time of day somewhere.
    if (!line.startsWith("From ") || line.size() < 6 || line.at(5) == ' ' || line.at(5) == '\t' ||
        line.at(5) == '\r' || line.at(5) == '\n')
        return false;
    line = line.first(std::min<qsizetype>(line.size(), 1024));
    for (qsizetype i = 6; i + 3 < line.size(); ++i) {
        const auto digit = [&](qsizetype at) { return line.at(at) >= '0' && line.at(at) <= '9'; };
        if (digit(i) && line.at(i + 1) == ':' && digit(i + 2) && digit(i + 3))
            return true;
    }
    return false;
}

bool MboxScanner::open(const QString &path, qint64 offset, qint64 firstNumber, QString *error)
{
    m_path = path;
    m_reader = std::make_unique<LineReader>();
    m_number = firstNumber;
    m_started = false;
    m_done = false;
    m_nextFrom = offset;
    if (m_reader->open(path, offset, -1, error))
        return true;
    *error = u"%1: %2"_s.arg(path, *error);
    return false;
}

std::optional<MboxScanner::Message> MboxScanner::next(QString *error)
{
    error->clear();
    auto message = scan(error);
    if (!error->isEmpty())
        *error = u"%1: %2"_s.arg(m_path, *error);
    return message;
}

std::optional<MboxScanner::Message> MboxScanner::scan(QString *error)
{
    // The rest of a "From " line longer than the buffer.
    const auto endOfLine = [&](LineReader::Piece piece) {
        while (!piece.bytes.endsWith('\n') && m_reader->next(&piece, error)) {
        }
        return piece.offset + piece.bytes.size();
    };
    for (;;) {
        if (m_done)
            return std::nullopt;
        LineReader::Piece piece;
        bool preamble = false;
        if (!m_started) {
            // The first line: a "From " line, or text before one (a file that is no mbox).
            m_started = true;
            if (!m_reader->next(&piece, error)) {
                m_done = true;
                return std::nullopt;
            }
            preamble = !isFromLine(piece.bytes);
            if (!preamble) {
                m_nextFrom = piece.offset;
                m_nextBegin = endOfLine(piece);
                if (!error->isEmpty())
                    return std::nullopt;
            }
        }
        Message m;
        m.item.path = m_path;
        m.item.mbox = true;
        if (preamble) {
            m.fromOffset = m.item.begin = piece.offset;
        } else {
            m.number = ++m_number;
            m.fromOffset = m_nextFrom;
            m.item.begin = m_nextBegin;
        }

        Hasher hasher;
        ImportDecoder decoder(true, [&](const char *d, qint64 n) { return hasher.add(d, n); });
        bool nonBlank = false;
        // A blank line waits: before a "From " line it is the mbox's, not the message's.
        QByteArray held;
        qint64 heldOffset = -1;
        qint64 lastEnd = m.item.begin;
        bool havePiece = preamble; // the preamble's first piece is in hand
        qint64 end = -1;
        for (;;) {
            if (!havePiece && !m_reader->next(&piece, error))
                break;
            havePiece = false;
            if (piece.lineStart && heldOffset >= 0 && isFromLine(piece.bytes)) {
                end = heldOffset;
                m_nextFrom = piece.offset;
                m_nextBegin = endOfLine(piece);
                break;
            }
            lastEnd = piece.offset + piece.bytes.size();
            if (heldOffset >= 0) {
                decoder.feed(held, true);
                heldOffset = -1;
            }
            if (piece.lineStart && isBlank(piece.bytes)) {
                held = piece.bytes.toByteArray();
                heldOffset = piece.offset;
                continue;
            }
            nonBlank = nonBlank || !piece.bytes.trimmed().isEmpty();
            decoder.feed(piece.bytes, piece.lineStart);
        }
        if (!error->isEmpty())
            return std::nullopt;
        if (end < 0) { // the end of the file; a blank line there is the mbox's last
            m_done = true;
            end = heldOffset >= 0 ? heldOffset : lastEnd;
            m_nextFrom = lastEnd;
        }
        m.item.end = end;
        if (preamble && !nonBlank)
            continue; // blank lines before the first "From " line: nothing
        decoder.finish();
        hasher.finish(decoder, &m.digest);
        if (preamble) {
            m.item.where =
                u"bytes %1 to %2, before the first \"From \" line"_s.arg(m.item.begin).arg(end);
            m.digest.problem = u"not in mbox form: each message begins with a \"From \" line"_s;
        } else {
            m.item.where = u"message %1 at byte %2"_s.arg(m.number).arg(m.fromOffset);
        }
        return m;
    }
}

QString mboxCheckpointMark(const QString &path, qint64 offset)
{
    constexpr qint64 kSpan = 64 * 1024;
    fsutil::Fd fd(::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC));
    struct stat st;
    if (offset < 0 || !fd.isValid() || ::fstat(fd.get(), &st) != 0 || offset > st.st_size)
        return {};
    const qint64 from = std::max<qint64>(0, offset - kSpan);
    QByteArray bytes(offset - from + 1024, Qt::Uninitialized);
    qint64 got = 0;
    while (got < bytes.size()) {
        const ssize_t n =
            ::pread(fd.get(), bytes.data() + got, size_t(bytes.size() - got), from + got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return {};
        if (n == 0)
            break;
        got += n;
    }
    bytes.truncate(got);
    const qsizetype at = offset - from;
    const QByteArrayView before = QByteArrayView(bytes).first(at);
    const bool fromLine = MboxScanner::isFromLine(QByteArrayView(bytes).sliced(at)) &&
                          (at == 0 || before.endsWith("\n\n") || before.endsWith("\n\r\n"));
    if (offset != st.st_size && !fromLine)
        return {};
    return QString::fromLatin1(
        QCryptographicHash::hash(before, QCryptographicHash::Sha256).toHex());
}

QList<ImportItem> listMaildir(const QString &dir, QString *error)
{
    QList<ImportItem> out;
    const QDir root(dir);
    if (!QFileInfo(dir + u"/cur"_s).isDir() && !QFileInfo(dir + u"/new"_s).isDir()) {
        *error = u"%1 is not a Maildir (it has no cur/ or new/ folder)"_s.arg(dir);
        return out;
    }
    QStringList folders{QString()};
    for (const QString &d :
         root.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name)) {
        // Maildir++ folders: .Name with a cur/ or new/ (leniently: one is enough).
        const QString sub = dir + u'/' + d;
        if (d.startsWith(u'.') && d.size() > 1 &&
            (QFileInfo(sub + u"/cur"_s).isDir() || QFileInfo(sub + u"/new"_s).isDir()))
            folders.append(d.mid(1));
    }
    for (const QString &folder : std::as_const(folders)) {
        const QString base = folder.isEmpty() ? dir : dir + u"/."_s + folder;
        for (const QString &sub : {u"cur"_s, u"new"_s}) {
            const QDir files(base + u'/' + sub);
            // System: a broken link or a FIFO is named as a failure, not passed over.
            for (const QString &name : files.entryList(QDir::Files | QDir::System, QDir::Name)) {
                ImportItem item;
                item.path = files.filePath(name);
                item.where = item.path;
                item.folder = folder;
                const qsizetype info = name.indexOf(u":2,"_s);
                if (info >= 0)
                    item.flags = name.mid(info + 3);
                out.append(item);
            }
        }
    }
    return out;
}

namespace {

// The files under dir, hidden ones left out, by path relative to the top; a link to a folder is
// listed as a file (and fails as one), not followed: no loops.
void collectFiles(const QString &dir, const QString &relative, QStringList *out)
{
    const QDir d(dir);
    for (const QFileInfo &info : d.entryInfoList(
             QDir::Files | QDir::System | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString rel = relative + info.fileName();
        if (info.isDir() && !info.isSymLink())
            collectFiles(info.filePath(), rel + u'/', out);
        else
            out->append(rel);
    }
}

} // namespace

QList<ImportItem> listMessageFiles(const QString &path, QString *error)
{
    QList<ImportItem> out;
    const QFileInfo info(path);
    if (!info.exists() && !info.isSymLink()) {
        *error = u"%1 does not exist"_s.arg(path);
        return out;
    }
    if (!info.isDir()) {
        out.append({path, 0, -1, false, path, {}, {}});
        return out;
    }
    QStringList relative;
    collectFiles(path, {}, &relative);
    relative.sort();
    const QDir base(path);
    for (const QString &rel : std::as_const(relative)) {
        const QString file = base.filePath(rel);
        out.append({file, 0, -1, false, file, {}, {}});
    }
    return out;
}

} // namespace tandem::archive
