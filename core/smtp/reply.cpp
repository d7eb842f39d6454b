#include "reply.h"

namespace tandem::smtp {

QByteArray Reply::toWire() const
{
    QByteArray line = QByteArray::number(code) + ' ';
    if (!enhanced.isEmpty())
        line += enhanced + ' ';
    return line + text + "\r\n";
}

QByteArray Reply::multiline(int code, const QList<QByteArray> &lines)
{
    QByteArray out;
    for (qsizetype i = 0; i < lines.size(); ++i)
        out += QByteArray::number(code) + (i + 1 < lines.size() ? '-' : ' ') + lines.at(i) + "\r\n";
    return out;
}

namespace replies {
Reply ok()
{
    return {250, "2.0.0", "Ok"};
}
Reply senderOk()
{
    return {250, "2.1.0", "Sender ok"};
}
Reply recipientOk()
{
    return {250, "2.1.5", "Recipient ok"};
}
Reply resetOk()
{
    return {250, "2.0.0", "Reset state"};
}
Reply startMailInput()
{
    return {354, {}, "End data with <CR><LF>.<CR><LF>"};
}
Reply queued(const QByteArray &queueId)
{
    return {250, "2.0.0", "Ok: queued as " + queueId};
}
Reply bye(const QByteArray &hostname)
{
    return {221, "2.0.0", hostname + " closing connection"};
}
Reply help()
{
    return {214, "2.0.0",
            "Commands: EHLO HELO MAIL RCPT DATA RSET NOOP VRFY HELP QUIT; see RFC 5321"};
}
Reply cannotVrfy()
{
    return {252, "2.5.0", "Cannot VRFY user, but will accept message and attempt delivery"};
}
Reply syntaxError(const QByteArray &what)
{
    return {501, "5.5.4", "Syntax: " + what};
}
Reply lineTooLong()
{
    return {500, "5.5.2", "Line too long (RFC 5321 limit is 512 octets)"};
}
Reply unknownCommand()
{
    return {500, "5.5.1", "Command unrecognized"};
}
Reply notImplemented(const QByteArray &verb)
{
    return {502, "5.5.1", verb + " not implemented"};
}
Reply badSequence(const QByteArray &what)
{
    return {503, "5.5.1", "Bad sequence of commands: " + what};
}
Reply badParameter(const QByteArray &what)
{
    return {555, "5.5.4", "Unsupported parameter: " + what};
}
Reply badSenderSyntax(const QByteArray &why)
{
    return {501, "5.1.7", "Bad sender address syntax: " + why};
}
Reply badRecipientSyntax(const QByteArray &why)
{
    return {501, "5.1.3", "Bad recipient address syntax: " + why};
}
Reply noSuchUser()
{
    return {550, "5.1.1", "Recipient address rejected: no such user here"};
}
Reply mailboxNameNotAllowed()
{
    return {550, "5.1.3", "Recipient address rejected: not a valid mailbox name here"};
}
Reply relayDenied()
{
    return {554, "5.7.1", "Relay access denied"};
}
Reply senderClaimsLocal()
{
    return {550, "5.7.1",
            "Sender address rejected: a local address is not accepted from an outside client"};
}
Reply tooManyRecipients()
{
    return {452, "4.5.3", "Too many recipients"};
}
Reply noValidRecipients()
{
    return {554, "5.5.1", "No valid recipients"};
}
Reply messageTooBig()
{
    return {552, "5.3.4", "Message size exceeds fixed limit"};
}
Reply declaredTooBig()
{
    return {552, "5.3.4", "Message size exceeds fixed limit"};
}
Reply bareLineEnding()
{
    return {554, "5.6.0", "Message rejected: bare CR or LF found; lines must end with CRLF"};
}
Reply dataLineTooLong()
{
    return {554, "5.6.0", "Message rejected: a line exceeds 1000 octets (RFC 5321 4.5.3.1.6)"};
}
Reply utf8AddressWithoutSmtpUtf8(const QByteArray &which)
{
    return {553, "5.6.7", "A UTF-8 " + which + " address needs the SMTPUTF8 parameter on MAIL"};
}
Reply nonAsciiCommand()
{
    return {500, "5.5.2", "Command contains non-ASCII or control characters"};
}
Reply tooManyConnections()
{
    return {421, "4.7.0", "Too many connections, try again later"};
}
Reply tooManyConnectionsFromAddress()
{
    return {421, "4.7.0", "Too many connections from your address, try again later"};
}
Reply timeout()
{
    return {421, "4.4.2", "Timeout exceeded, closing connection"};
}
Reply shuttingDown()
{
    return {421, "4.3.2", "Service shutting down, closing connection"};
}
Reply localError()
{
    return {451, "4.3.0", "Local error in processing, try again later"};
}
Reply insufficientStorage()
{
    return {452, "4.3.1", "Insufficient system storage, try again later"};
}
Reply clientNotTrusted()
{
    return {550, "5.7.1",
            "This server takes mail only from its partner machines and "
            "authenticated clients"};
}
Reply tooManyNewMailboxes()
{
    return {452, "4.7.0", "Too many new mailboxes from your address, try again later"};
}
Reply mailboxFull()
{
    return {452, "4.2.2", "Mailbox full, try again later"};
}
Reply handoverRepeated()
{
    return {250, "2.0.0", "Ok: already accepted, not stored again"};
}
Reply handoverBusy()
{
    return {451, "4.3.0", "The same hand-over is being stored now, try again later"};
}
Reply hopLimit()
{
    return {554, "5.4.6", "Too many hops: mail forwarding loop"};
}
Reply nulInData()
{
    return {554, "5.6.0", "Message rejected: NUL characters are not allowed"};
}
Reply tooManyErrors()
{
    return {421, "4.7.0", "Too many errors, closing connection"};
}
Reply authRequired()
{
    return {530, "5.7.0", "Authentication required"};
}
Reply senderNotOwned(const QByteArray &user)
{
    return {553, "5.7.1", "Sender address rejected: not owned by user " + user};
}
Reply tlsNotAvailable()
{
    return {454, "4.7.0", "TLS not available"};
}
Reply readyForTls()
{
    return {220, "2.0.0", "Ready to start TLS"};
}
Reply encryptionRequired()
{
    return {538, "5.7.11", "Encryption required for requested authentication mechanism"};
}
Reply unknownMechanism()
{
    return {504, "5.5.4", "Unrecognized authentication type"};
}
Reply authCancelled()
{
    return {501, "5.0.0", "Authentication cancelled"};
}
Reply cannotDecode()
{
    return {501, "5.5.2", "Cannot decode the authentication response"};
}
Reply authSucceeded()
{
    return {235, "2.7.0", "Authentication successful"};
}
Reply authFailed()
{
    return {535, "5.7.8", "Authentication credentials invalid"};
}
Reply tooManyAuthFailures()
{
    return {421, "4.7.0", "Too many failed authentication attempts, closing connection"};
}
// RFC 4954 §6: too many checks pending, or the user guessed at too often; nothing was checked.
Reply authTemporaryFailure()
{
    return {454, "4.7.0", "Temporary authentication failure, try again later"};
}
} // namespace replies

} // namespace tandem::smtp
