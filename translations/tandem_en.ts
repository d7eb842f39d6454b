<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ArchiveText</name>
    <message numerus="yes">
        <source>%n error(s), the first: %1</source>
        <translation>
            <numerusform>%n error, the first: %1</numerusform>
            <numerusform>%n errors, the first: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Archive verification found %n problem(s), the first: %1</source>
        <translation>
            <numerusform>Archive verification found %n problem, the first: %1</numerusform>
            <numerusform>Archive verification found %n problems, the first: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::ui::ArchivePolicyEditor</name>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n week</numerusform>
            <numerusform>%n weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::ui::CopyBackDialog</name>
    <message numerus="yes">
        <source>A new copy of the %n chosen message(s) goes into the mailbox, as if delivered again. The archived originals stay where they are, and the mailbox&apos;s ledger records each copy.</source>
        <translation>
            <numerusform>A new copy of the chosen message goes into the mailbox, as if delivered again. The archived original stays where it is, and the mailbox&apos;s ledger records the copy.</numerusform>
            <numerusform>A new copy of the %n chosen messages goes into the mailbox, as if delivered again. The archived originals stay where they are, and the mailbox&apos;s ledger records each copy.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::ui::EntryDetailsDialog</name>
    <message numerus="yes">
        <source>%Ln byte(s)</source>
        <translation>
            <numerusform>%Ln byte</numerusform>
            <numerusform>%Ln bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::ui::ExportDialog</name>
    <message numerus="yes">
        <source>The %n &amp;chosen message(s)</source>
        <translation>
            <numerusform>The &amp;chosen message</numerusform>
            <numerusform>The %n &amp;chosen messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::ui::MailboxesDialog</name>
    <message numerus="yes">
        <source>%n message(s), %1</source>
        <translation>
            <numerusform>%n message, %1</numerusform>
            <numerusform>%n messages, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::ui::MainWindow</name>
    <message numerus="yes">
        <source>%n message(s) waiting in the Outbox will not be sent, and no mail is received, until the console runs again.</source>
        <translation>
            <numerusform>%n message waiting in the Outbox will not be sent, and no mail is received, until the console runs again.</numerusform>
            <numerusform>%n messages waiting in the Outbox will not be sent, and no mail is received, until the console runs again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n SMTP service(s). Choose one to see or change it.</source>
        <translation>
            <numerusform>%n SMTP service. Choose it to see or change it.</numerusform>
            <numerusform>%n SMTP services. Choose one to see or change it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Outbox: %n message(s)</source>
        <translation>
            <numerusform>Outbox: %n message</numerusform>
            <numerusform>Outbox: %n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>warn after %n hour(s)</source>
        <translation>
            <numerusform>warn after %n hour</numerusform>
            <numerusform>warn after %n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>give up after %n hour(s)</source>
        <translation>
            <numerusform>give up after %n hour</numerusform>
            <numerusform>give up after %n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mailbox(es) at their size cap</source>
        <translation>
            <numerusform>%n mailbox at its size cap</numerusform>
            <numerusform>%n mailboxes at their size cap</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::ui::OutgoingMailDialog</name>
    <message numerus="yes">
        <source> hour(s)</source>
        <translation>
            <numerusform> hour</numerusform>
            <numerusform> hours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::ui::QueueWindow</name>
    <message numerus="yes">
        <source>Delete %n entries from the Outbox? Their recipients will not get the message, and the sender is not told.</source>
        <translation>
            <numerusform>Delete %n entry from the Outbox? Its recipients will not get the message, and the sender is not told.</numerusform>
            <numerusform>Delete %n entries from the Outbox? Their recipients will not get the message, and the sender is not told.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Return %n entries to their senders? Each sender gets a failure notice, and the entries leave the Outbox.</source>
        <translation>
            <numerusform>Return %n entry to its sender? The sender gets a failure notice, and the entry leaves the Outbox.</numerusform>
            <numerusform>Return %n entries to their senders? Each sender gets a failure notice, and the entries leave the Outbox.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries changed</source>
        <translation>
            <numerusform>%n entry changed</numerusform>
            <numerusform>%n entries changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries changed, %1 not found</source>
        <translation>
            <numerusform>%n entry changed, %1 not found</numerusform>
            <numerusform>%n entries changed, %1 not found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries, %1 held, %2 shown</source>
        <translation>
            <numerusform>%n entry, %1 held, %2 shown</numerusform>
            <numerusform>%n entries, %1 held, %2 shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries, %1 held</source>
        <translation>
            <numerusform>%n entry, %1 held</numerusform>
            <numerusform>%n entries, %1 held</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n kept: legal hold</source>
        <translation>
            <numerusform>%n kept: legal hold</numerusform>
            <numerusform>%n kept: legal hold</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::ui::SearchModel</name>
    <message numerus="yes">
        <source>%n attachment(s)</source>
        <translation>
            <numerusform>%n attachment</numerusform>
            <numerusform>%n attachments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::ui::SearchWindow</name>
    <message numerus="yes">
        <source>%n message(s) copied to %1.</source>
        <translation>
            <numerusform>%n message copied to %1.</numerusform>
            <numerusform>%n messages copied to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s) without a name</source>
        <translation>
            <numerusform>%n attachment without a name</numerusform>
            <numerusform>%n attachments without a name</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copying %n message(s) to %1…</source>
        <translation>
            <numerusform>Copying %n message to %1…</numerusform>
            <numerusform>Copying %n messages to %1…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n message(s)…</source>
        <translation>
            <numerusform>Exporting %n message…</numerusform>
            <numerusform>Exporting %n messages…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more (see the details)</source>
        <translation>
            <numerusform>… and %n more (see the details)</numerusform>
            <numerusform>… and %n more (see the details)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) found</source>
        <translation>
            <numerusform>%Ln message found</numerusform>
            <numerusform>%Ln messages found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln copy(ies)</source>
        <translation>
            <numerusform>%Ln copy</numerusform>
            <numerusform>%Ln copies</numerusform>
        </translation>
    </message>
</context>
</TS>
