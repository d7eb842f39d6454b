<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Roles</name>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>submission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return undelivered mail to sender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create mailbox and store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward to mailbox %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose Mailbox or Archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the domain, such as example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a domain name such as example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a domain name such as example.org.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter this machine&apos;s host name, such as mail.example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name such as mail.example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the Archive machine&apos;s address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the Mailbox machine&apos;s address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name or an IP address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address: the Archive lets the Mailbox relay by its address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Archive&apos;s port must be 1-65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Mailbox&apos;s port must be 1-65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a network such as 192.168.1.0/24.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is wider than any LAN and would make an open relay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the LAN whose machines may send mail, such as 192.168.1.0/24.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address to listen on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 listener&apos;s port must be 1-65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 port %2 is used twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Archive cannot be this machine&apos;s own %1 port %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An SMTP listener is needed to receive mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Mailbox needs a submission listener for its users&apos; mail clients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SmartHost&apos;s port must be 1-65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give both the certificate and its key, or neither.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server › role: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server › primary domain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server › extra local domains: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server › host name: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passthrough › domains it applies to: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all local domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passthrough › Copy all mail to sender&apos;s Sent items: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passthrough › Create mailbox if necessary: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passthrough › Copy all mail for local domains to Outbox: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passthrough › Copy all mail without Received: headers to Outbox: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undelivered Mail › action: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP service %1 port %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 › Reject non-local senders claiming to be local: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 › Require authentication: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relaying › allowed networks: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS › certificate: none (no STARTTLS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS › certificate: %1, key: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outgoing Mail › static route %1 → %2 port %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outgoing Mail › SmartHost: %1 port %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outgoing Mail › MX delivery (DNS), no SmartHost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outgoing Mail › other mail: MX delivery (DNS), no SmartHost</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Tandem mail server console.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ui::InboxPropertiesDialog</name>
    <message>
        <source>Inbox Properties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passthrough</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undelivered Mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domains the passthrough applies to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy all mail to sender&apos;s Sent items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create mailbox if necessary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy all mail for local domains to Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy all mail without Received: headers to Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail for a local address that has no mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return undelivered mail to sender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create mailbox and store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward to mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>postmaster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailbox template (for new mailboxes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days in the &amp;live mailbox:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive &amp;expiry (0 = never):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Size cap (0 = none):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages older than the live days move to the mailbox&apos;s Archive folder; archived messages are deleted after the expiry. The size cap is warned about, never silently exceeded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ui::LogModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ui::LogWindow</name>
    <message>
        <source>Record SMTP transcripts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debug and above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information and above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log every command and reply of every SMTP session (passwords are masked). Double-click a line to see its session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Queue id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to all events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1 — every event and, when recorded, its transcript</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ui::MailboxesDialog</name>
    <message>
        <source>Mailboxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alice or alice@other.example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Set Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a user to set a new password or remove them. A user without a password has a mailbox but cannot log in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailboxes on disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No mailbox has been created yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A mailbox is created when mail is first stored for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A user name has letters, digits and . _ + - only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a local domain (Options | Server).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is already a user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the user first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the new password first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ui::MainWindow</name>
    <message>
        <source>&amp;Properties…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tandem — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Outbox: %n message(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open configuration…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run role &amp;wizard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console will use the new language when it is started again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Tandem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Tandem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tandem %1&lt;/h3&gt;&lt;p&gt;A mail server whose job is the archive passthrough: a Mailbox serves the users, an Archive keeps a copy of every message and sends mail to the Internet.&lt;/p&gt;&lt;p&gt;Configuration: %2&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has these problems:

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incoming Mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outgoing Mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 port %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailboxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role: %1
Primary domain: %2
Other local domains: %3
Host name: %4
Data folder: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passthrough applies to: %1
Copy all mail to sender&apos;s Sent items: %2
Create mailbox if necessary: %3
Copy all mail for local domains to Outbox: %4
Copy all mail without Received: headers to Outbox: %5
Undelivered mail: %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SmartHost: %1
Static routes: %2
Retry every %3 minutes; warn after %4 hours, give up after %5 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (MX records)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n SMTP service(s). Choose one to see or change it.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Address: %1, port %2, mode %3
Reject non-local senders claiming to be local: %4
Require authentication: %5
Allowed networks: %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users: %1
New mailboxes keep mail %2 days in the live folders; archive expiry %3 days (0 = never)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings are saved, but the running engine could not take them all: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tandem configuration (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ui::OptionsDialog</name>
    <message>
        <source>A port number is 1-65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration has other problems:
%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ui::OutgoingMailDialog</name>
    <message>
        <source>Opportunistic (STARTTLS when offered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required (never send in clear)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options | Outgoing Mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;SmartHost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Static &amp;Routes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;etry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send all outgoing mail through this server (your ISP&apos;s, or the Archive machine) instead of delivering it by MX records. Leave the host empty to use MX records; static routes come first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>smtp.isp.example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in the desktop keychain, never in the configuration file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next hop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routes are tried from the top; the first whose domains match the recipient&apos;s is used (example.org, *.example.org, or * for every domain).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1, 5, 15, 30, 60, 120</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes between attempts; the last interval repeats.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry &amp;schedule:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Warn the sender after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Give up after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A password needs the SmartHost it belongs to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A password needs the user name it belongs to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a number of minutes; write them as 1, 5, 15, 30.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain did not take the password: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ui::QueueModel</name>
    <message>
        <source>queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delivering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next hop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last reply: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not attempted yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ui::QueueWindow</name>
    <message>
        <source>Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the selected entries again now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the selected entries until they are released</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;lease</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let held entries be delivered again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop the selected entries without telling the sender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return to &amp;sender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the selected entries back to their senders with a failure notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter: id, sender, recipient, next hop, reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the entries in this state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n entries from the Outbox? Their recipients will not get the message, and the sender is not told.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Return to sender</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Return %n entries to their senders? Each sender gets a failure notice, and the entries leave the Outbox.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries changed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries changed, %1 not found</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries, %1 held, %2 shown</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries, %1 held</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::ui::RoleWizard</name>
    <message>
        <source>Tandem Role Wizard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ui::RouteDialog</name>
    <message>
        <source>Add Static Route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Static Route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>example.org, *.example.org or *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>archive.example.com or 192.168.1.20</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Domains:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next &amp;hop:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail for these domains goes to this host instead of the domain&apos;s MX. The first route that matches is used.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ui::ServerDialog</name>
    <message>
        <source>Options | Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other.example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mail.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The role names the preset this configuration follows. Editing an option of the preset makes it Custom; File › Run role wizard… sets a role&apos;s options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Primary domain:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Extra local domains:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Data folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbox Properties › Passthrough: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailboxes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a domain name such as other.example.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is already a local domain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data Folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ui::SmtpServiceDialog</name>
    <message>
        <source>SMTP Service Properties — %1 port %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Blacklists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Relaying &amp;&amp; Authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this SMTP service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the SMTP service on %1 port %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0.0.0.0, ::, or one address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP (mail from other servers, STARTTLS offered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission (mail clients, STARTTLS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTPS (mail clients, implicit TLS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0.0.0.0 listens on every IPv4 address of this machine, :: on every IPv6 address. SMTPS needs the server certificate (smtp.tls in the configuration file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject non-local senders claiming to be local</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a connection that is neither from an allowed network nor authenticated, a MAIL FROM address in a local domain is refused (550 5.7.1), so that mail which only looks local is never archived as sent by a local user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed networks (every SMTP service)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>192.168.1.0/24</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients in these networks may relay to any domain without logging in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Require authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow authentication without TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(every SMTP service; passwords then cross the network readable — for a trusted loopback only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a network such as 192.168.1.0/24 or 10.0.0.5/32.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is already in the list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ui::wizard::CertificatePage</name>
    <message>
        <source>TLS certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With a certificate, mail travels encrypted (STARTTLS) and users can log in safely.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use existing PEM files:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;o certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certificate, e.g. cert.pem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>private key, e.g. key.pem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Generate a self-signed certificate for %1 now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written to %1 and %2. Mail servers accept it for encryption; mail clients ask their users to trust it once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail travels unencrypted, and users cannot log in to send mail unless plaintext authentication is turned on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail from the Mailbox travels unencrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the certificate file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the private key file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a readable PEM certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a readable PEM private key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate could not be made: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ui::wizard::DomainPage</name>
    <message>
        <source>Domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both machines serve the same domain. The host name is this machine&apos;s own name, used in the greeting and in Received: headers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. mail.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary &amp;domain:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Other local domains:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host name of this machine:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ui::wizard::FlowWidget</name>
    <message>
        <source>Mail flow: Internet, Mailbox, Archive, Internet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ui::wizard::ListenersPage</name>
    <message>
        <source>Listeners and relaying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0.0.0.0 = every address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 192.168.1.0/24</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Su&amp;bmission (users&apos; mail clients):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;SMTP (mail from other servers):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port 25 takes mail from other servers and refuses outsiders that claim to be local senders; the submission port (587) takes the users&apos; mail after they log in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;LAN allowed to relay:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machines on these networks may send mail anywhere without logging in. Separate networks with commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port 25 takes the copies from the Mailbox and, if the MX is moved here, mail from the Internet. An Archive has no submission port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Other networks allowed to relay:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Mailbox machine (%1) is added to these. Separate networks with commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ui::wizard::PartnerPage</name>
    <message>
        <source>Outgoing mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deliver by &amp;DNS: look up the recipients&apos; MX records (the domain&apos;s MX points to the Mailbox)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;No DNS for the domain here: send mail for the local domains straight to the Mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. smtp.provider.example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISP&apos;s &amp;SmartHost:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Archive machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where this Mailbox sends its mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All outgoing mail, and a copy of all mail for the local domains, goes to the Archive machine (a static route for every domain, *). The Archive delivers it to the Internet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive&apos;s &amp;address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host name or IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Mailbox machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where this Archive&apos;s copies come from, and how it sends mail on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Mailbox machine&apos;s address is allowed to relay through this Archive. Bounces for local users go back to the Mailbox, where the users read them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailbox&apos;s &amp;address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP address, e.g. 192.168.1.10</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ui::wizard::RolePage</name>
    <message>
        <source>Choose this machine&apos;s role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tandem runs on two machines. Mail from the Internet reaches the Mailbox, which passes a copy of everything to the Archive; the Archive sends outgoing mail to the Internet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This machine serves the users: it receives the domain&apos;s mail from the Internet, keeps the users&apos; mailboxes and takes their outgoing mail on the submission port. Every message goes on to the Archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This machine keeps a copy of every message to, from and between the users in per-user mailboxes, and sends outgoing mail to the Internet. It can take over if the Mailbox machine fails.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ui::wizard::SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish sets these options. Each stays editable in the Options dialogs; changing one makes the role Custom.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
