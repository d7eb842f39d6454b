// The SMTP server session fed raw bytes as if read from its socket (SmtpSession::receive).
//
// Input layout: two option bytes, then the client's bytes.
//   byte 0, bit 0     the client is 127.0.0.1 (in relay_networks) rather than 192.0.2.7
//   byte 0, bits 1-2  the listener: smtp / smtp rejecting strangers claiming a local sender /
//                     submission with require_auth / smtp letting a user send as anyone
//   byte 0, bit 3     the second settings: undelivered mail creates the mailbox, RET/limits
//   byte 0, bit 4     password checks succeed (else they fail; the answer then comes after
//                     the guard's delay, which the fuzzer does not wait for)
//   byte 0, bit 5     the bytes arrive one receive() call each (buffering across lines)
//   byte 1            where the bytes are split into two receive() calls (0: not split)
// Seeds (corpus/fuzz_session/) start with two printable option bytes, e.g. "A0".
//
// The session talks to a real socket (one end of a socketpair, peer address overridden), so
// it behaves as when connected: replies are written and dropped, and messages are committed
// to a spool in a temporary folder, whose entries are removed once committed. After each
// piece of input the fuzzer runs the event loop until commits and password checks in flight
// are answered, so the input after a message's final dot is read as well.
#include "config/passwords.h"
#include "config/settings.h"
#include "routing/router.h"
#include "smtp/authguard.h"
#include "smtp/smtpsession.h"
#include "spool/spool.h"
#include "util/log.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEvent>
#include <QTcpSocket>

#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <thread>

using namespace tandem;
using namespace Qt::StringLiterals;

namespace {

// A connected socket whose peer address is the fuzzer's choice.
class FuzzSocket : public QTcpSocket {
public:
    FuzzSocket(qintptr descriptor, const QHostAddress &peer)
    {
        setSocketDescriptor(descriptor);
        setPeerAddress(peer);
        setPeerPort(40000);
    }
};

// Answers password checks without PBKDF2, as the fuzzer says: each check's answer is posted
// to the event loop instead of running on the pool, so settle() sees it through.
class FuzzVerifier : public smtp::PasswordVerifier {
public:
    using smtp::PasswordVerifier::PasswordVerifier;
    bool succeed = false;
    quint64 checks = 0;

protected:
    void startCheck(quint64 token, const QByteArray &, const QString &) override
    {
        ++checks;
        const bool ok = succeed;
        QMetaObject::invokeMethod(
            this, [this, token, ok] { finishCheck(token, ok); }, Qt::QueuedConnection);
    }
};

struct World {
    QString dir;
    spool::Spool *spool = nullptr;
    std::shared_ptr<const config::Settings> settings[2];
    std::shared_ptr<const routing::Router> routers[2];
    smtp::AuthGuard *authGuard = nullptr;
    FuzzVerifier *verifier = nullptr;
};
World *world = nullptr;

QByteArray settingsJson(bool second, const QString &passwordHash)
{
    const QByteArray hash = passwordHash.toLatin1();
    QByteArray json = R"({
  "server": { "role": "custom", "domain": "example.com", "local_domains": ["example.net"],
              "hostname": "mx.example.com", "data_dir": "data" },
  "smtp": {
    "listeners": [ { "address": "127.0.0.1", "port": 2525, "mode": "smtp" } ],
    "relay_networks": ["127.0.0.1/32"],
    "allow_plaintext_auth": true,
    "max_message_bytes": 4096,
    "max_recipients": 100,
    "command_timeout_seconds": 3600,
    "error_limit": 20
  },
  "incoming": { "undelivered": { "action": "UNDELIVERED" } },
  "mailboxes": { "users": [ { "name": "alice", "password": "HASH" },
                            { "name": "bob", "password": "HASH" },
                            { "name": "carol@example.net", "password": "HASH" } ] }
})";
    json.replace("UNDELIVERED", second ? "create_mailbox_and_store" : "return_to_sender");
    json.replace("HASH", hash);
    return json;
}

[[noreturn]] void die(const QString &what)
{
    std::fprintf(stderr, "fuzz_session: %s\n", what.toLocal8Bit().constData());
    std::abort();
}

void removeWorld()
{
    if (world && !world->dir.isEmpty())
        QDir(world->dir).removeRecursively();
}

void dropQtMessages(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtFatalMsg) {
        std::fprintf(stderr, "%s\n", message.toLocal8Bit().constData());
        std::abort();
    }
}

// Runs the event loop until no commit and no password check is in flight (bounded).
void settle(const smtp::SmtpSession *session)
{
    QElapsedTimer clock;
    clock.start();
    for (;;) {
        const quint64 checks = world->verifier->checks;
        QCoreApplication::processEvents();
        const bool committing = session->isCommitting();
        if (!committing && world->verifier->checks == checks) {
            QCoreApplication::processEvents();
            return;
        }
        if (clock.elapsed() > 10000)
            die(u"a commit was not answered within 10 s"_s);
        if (committing)
            std::this_thread::sleep_for(std::chrono::microseconds(50));
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    static int argc = 1;
    static char name[] = "fuzz_session";
    static char *argv[] = {name, nullptr};
    new QCoreApplication(argc, argv); // lives as long as the process
    qInstallMessageHandler(dropQtMessages);
    log::setSink([](const log::Entry &) {});

    world = new World;
    // tmpfs when there is one: the spool fsyncs every commit. run.sh names the folder.
    QString base = qEnvironmentVariable("TANDEM_FUZZ_TMPDIR");
    if (base.isEmpty())
        base = QDir(u"/dev/shm"_s).exists() ? u"/dev/shm"_s : QDir::tempPath();
    world->dir = base + u"/tandem-fuzz-session-%1"_s.arg(::getpid());
    std::atexit(removeWorld);

    const QString hash = passwords::hash("secret", 100000); // well-formed; never checked
    for (int i = 0; i < 2; ++i) {
        config::LoadResult loaded = config::parse(settingsJson(i == 1, hash), world->dir);
        if (!loaded.ok())
            die(u"the fuzzer's own settings do not load: "_s + loaded.errors.join(u"; "_s));
        world->settings[i] = std::make_shared<const config::Settings>(loaded.settings);
        world->routers[i] = std::make_shared<routing::Router>(
            world->settings[i], [](const QString &, const QString &) { return false; });
    }

    world->spool = new spool::Spool(world->dir + u"/spool"_s);
    QString error;
    if (!world->spool->open(&error))
        die(u"cannot open the spool: "_s + error);
    // Nothing dispatches here: take each committed message straight back out.
    QObject::connect(world->spool, &spool::Spool::committed, world->spool,
                     [](const QString &id) { world->spool->remove(id); });

    world->authGuard = new smtp::AuthGuard(world->settings[0]->smtp.authFailureLimit,
                                           smtp::AuthGuard::kPendingPerWorker);
    world->verifier = new FuzzVerifier(world->authGuard, 1);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const uint8_t options = data[0];
    const uint8_t split = data[1];
    const QByteArray input(reinterpret_cast<const char *>(data + 2), qsizetype(size - 2));
    const int variant = (options >> 3) & 1;

    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
        die(u"socketpair failed"_s);
    auto *socket =
        new FuzzSocket(fds[0], QHostAddress(options & 1 ? u"127.0.0.1"_s : u"192.0.2.7"_s));
    if (socket->state() != QAbstractSocket::ConnectedState)
        die(u"the socketpair is not connected"_s);

    smtp::SessionContext ctx;
    ctx.settings = world->settings[variant];
    ctx.listener = ctx.settings->smtp.listeners.value(0);
    switch ((options >> 1) & 3) {
    case 0:
        break;
    case 1:
        ctx.listener.rejectNonLocalSendersClaimingLocal = true;
        break;
    case 2:
        ctx.listener.mode = config::ListenerMode::Submission;
        ctx.listener.requireAuth = true;
        break;
    case 3:
        ctx.listener.restrictSenderToUser = false;
        break;
    }
    ctx.spool = world->spool;
    ctx.router = world->routers[variant];
    ctx.tls = nullptr;
    ctx.authGuard = world->authGuard;
    ctx.verifier = world->verifier;
    world->verifier->succeed = (options & 0x10) != 0;

    auto *session = new smtp::SmtpSession(socket, ctx); // takes the socket
    session->start();
    if (options & 0x20) {
        for (qsizetype i = 0; i < input.size(); ++i) {
            session->receive(input.mid(i, 1));
            settle(session);
        }
    } else {
        const qsizetype at = split ? input.size() * split / 256 : input.size();
        session->receive(input.left(at));
        settle(session);
        if (at < input.size()) {
            session->receive(input.mid(at));
            settle(session);
        }
    }
    delete session;
    ::close(fds[1]);
    // Objects the socket left for deleteLater() go now, so that one input's allocations are
    // freed within it (else libFuzzer runs a leak check after every input).
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCoreApplication::processEvents();
    // The guard remembers wrong passwords per address and user; start each input afresh.
    world->authGuard->reset();
    return 0;
}
