#pragma once

#include <QByteArray>
#include <QList>

// Every reply the server sends comes from here: the basic code, the RFC 3463 enhanced status
// code and the text, so wording and codes stay consistent across the session.
namespace tandem::smtp {

struct Reply {
    int code = 250;
    QByteArray enhanced; // "2.0.0"; empty for the greeting and EHLO's first line
    QByteArray text;

    bool isPositive() const { return code < 400; }
    bool isTemporary() const { return code >= 400 && code < 500; }
    // One or more lines, each ending in CRLF; text lines after the first go as continuations.
    QByteArray toWire() const;
    static QByteArray multiline(int code, const QList<QByteArray> &lines);
};

namespace replies {
Reply ok();
Reply senderOk();
Reply recipientOk();
Reply resetOk();
Reply startMailInput();
Reply queued(const QByteArray &queueId);
Reply bye(const QByteArray &hostname);
Reply help();
Reply cannotVrfy();
Reply syntaxError(const QByteArray &what);
Reply lineTooLong();
Reply unknownCommand();
Reply notImplemented(const QByteArray &verb);
Reply badSequence(const QByteArray &what);
Reply badParameter(const QByteArray &what);
Reply badSenderSyntax(const QByteArray &why);
Reply badRecipientSyntax(const QByteArray &why);
Reply noSuchUser();
Reply mailboxNameNotAllowed();
Reply relayDenied();
Reply senderClaimsLocal();
Reply tooManyRecipients();
Reply noValidRecipients();
Reply messageTooBig();
Reply declaredTooBig();
Reply bareLineEnding();
Reply dataLineTooLong();
Reply nonAsciiCommand();
Reply tooManyConnections();
Reply tooManyConnectionsFromAddress();
Reply timeout();
Reply shuttingDown();
Reply localError();
Reply insufficientStorage();
Reply clientNotTrusted();
Reply tooManyNewMailboxes();
Reply mailboxFull();
Reply handoverRepeated();
Reply handoverBusy();
Reply hopLimit();
Reply tooManyErrors();
Reply nulInData();
Reply authRequired();
Reply senderNotOwned(const QByteArray &user);
// A UTF-8 address in a transaction whose MAIL did not say SMTPUTF8 (RFC 6531 §3.4).
Reply utf8AddressWithoutSmtpUtf8(const QByteArray &which);
Reply tlsNotAvailable();
Reply readyForTls();
Reply encryptionRequired();
Reply unknownMechanism();
Reply authCancelled();
Reply cannotDecode();
Reply authSucceeded();
Reply authFailed();
Reply tooManyAuthFailures();
Reply authTemporaryFailure();
} // namespace replies

} // namespace tandem::smtp
