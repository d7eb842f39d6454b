<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ArchiveText</name>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Archiving: %1 examined, %2 archived…</source>
        <translation>Archivierung: %1 geprüft, %2 archiviert…</translation>
    </message>
    <message>
        <source>%1 examined</source>
        <translation>%1 geprüft</translation>
    </message>
    <message>
        <source>%1 archived</source>
        <translation>%1 archiviert</translation>
    </message>
    <message>
        <source>%1 deleted</source>
        <translation>%1 gelöscht</translation>
    </message>
    <message>
        <source>%1 expired</source>
        <translation>%1 abgelaufen</translation>
    </message>
    <message>
        <source>%1 kept on hold</source>
        <translation>%1 wegen Aufbewahrungssperre behalten</translation>
    </message>
    <message>
        <source>Archive maintenance interrupted: %1.</source>
        <translation>Archivpflege unterbrochen: %1.</translation>
    </message>
    <message>
        <source>Archive maintenance done: %1.</source>
        <translation>Archivpflege abgeschlossen: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s), the first: %1</source>
        <translation>
            <numerusform>%n Fehler, der erste: %1</numerusform>
            <numerusform>%n Fehler, der erste: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Archive verified: %1 messages and %2 ledger entries, all intact.</source>
        <translation>Archiv geprüft: %1 Nachrichten und %2 Journaleinträge, alle unverändert.</translation>
    </message>
    <message numerus="yes">
        <source>Archive verification found %n problem(s), the first: %1</source>
        <translation>
            <numerusform>Die Archivprüfung fand %n Problem, das erste: %1</numerusform>
            <numerusform>Die Archivprüfung fand %n Probleme, das erste: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Since %1, by %2: %3</source>
        <translation>Seit %1, durch %2: %3</translation>
    </message>
    <message>
        <source>live</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>archiviert</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>%1, %2, “%3” of %4</source>
        <translation>%1, %2, „%3“ vom %4</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>on</source>
        <translation>ein</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Postfachserver</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archivserver</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source>SMTP</source>
        <translation>SMTP</translation>
    </message>
    <message>
        <source>submission</source>
        <translation>Submission</translation>
    </message>
    <message>
        <source>SMTPS</source>
        <translation>SMTPS</translation>
    </message>
    <message>
        <source>Return undelivered mail to sender</source>
        <translation>Unzustellbare Nachrichten an den Absender zurücksenden</translation>
    </message>
    <message>
        <source>Create mailbox and store</source>
        <translation>Postfach erstellen und Nachricht speichern</translation>
    </message>
    <message>
        <source>Forward to mailbox %1</source>
        <translation>An Postfach %1 weiterleiten</translation>
    </message>
    <message>
        <source>Choose Mailbox or Archive.</source>
        <translation>Wählen Sie Postfachserver oder Archivserver.</translation>
    </message>
    <message>
        <source>Enter the domain, such as example.com.</source>
        <translation>Geben Sie die Domäne ein, z. B. example.com.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a domain name such as example.com.</source>
        <translation>„%1“ ist kein Domänenname wie example.com.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a domain name such as example.org.</source>
        <translation>„%1“ ist kein Domänenname wie example.org.</translation>
    </message>
    <message>
        <source>Enter this machine&apos;s host name, such as mail.example.com.</source>
        <translation>Geben Sie den Hostnamen dieses Computers ein, z. B. mail.example.com.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name such as mail.example.com.</source>
        <translation>„%1“ ist kein Hostname wie mail.example.com.</translation>
    </message>
    <message>
        <source>Enter the Archive machine&apos;s address.</source>
        <translation>Geben Sie die Adresse des Archivservers ein.</translation>
    </message>
    <message>
        <source>Enter the Mailbox machine&apos;s address.</source>
        <translation>Geben Sie die Adresse des Postfachservers ein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name or an IP address.</source>
        <translation>„%1“ ist weder ein Hostname noch eine IP-Adresse.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address: the Archive lets the Mailbox relay by its address.</source>
        <translation>„%1“ ist keine IP-Adresse: Der Archivserver erlaubt dem Postfachserver das Relaying anhand seiner Adresse.</translation>
    </message>
    <message>
        <source>The Archive&apos;s port must be 1-65535.</source>
        <translation>Der Port des Archivservers muss zwischen 1 und 65535 liegen.</translation>
    </message>
    <message>
        <source>The Mailbox&apos;s port must be 1-65535.</source>
        <translation>Der Port des Postfachservers muss zwischen 1 und 65535 liegen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a network such as 192.168.1.0/24.</source>
        <translation>„%1“ ist kein Netzwerk wie 192.168.1.0/24.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is wider than any LAN and would make an open relay.</source>
        <translation>„%1“ ist größer als jedes LAN und würde ein offenes Relay erzeugen.</translation>
    </message>
    <message>
        <source>Enter the LAN whose machines may send mail, such as 192.168.1.0/24.</source>
        <translation>Geben Sie das LAN ein, dessen Computer E-Mails senden dürfen, z. B. 192.168.1.0/24.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address to listen on.</source>
        <translation>„%1“ ist keine IP-Adresse, an der der Dienst empfangen kann.</translation>
    </message>
    <message>
        <source>The %1 listener&apos;s port must be 1-65535.</source>
        <translation>Der Port des %1-Empfangsdienstes muss zwischen 1 und 65535 liegen.</translation>
    </message>
    <message>
        <source>%1 port %2 is used twice.</source>
        <translation>Adresse %1, Port %2 wird doppelt verwendet.</translation>
    </message>
    <message>
        <source>The Archive cannot be this machine&apos;s own %1 port %2.</source>
        <translation>Der Archivserver darf nicht dieser Computer selbst sein (%1, Port %2).</translation>
    </message>
    <message>
        <source>An SMTP listener is needed to receive mail.</source>
        <translation>Zum Empfangen von E-Mails ist ein SMTP-Empfangsdienst erforderlich.</translation>
    </message>
    <message>
        <source>A Mailbox needs a submission listener for its users&apos; mail clients.</source>
        <translation>Ein Postfachserver benötigt einen Submission-Empfangsdienst für die E-Mail-Clients seiner Benutzer.</translation>
    </message>
    <message>
        <source>The SmartHost&apos;s port must be 1-65535.</source>
        <translation>Der Port des SmartHosts muss zwischen 1 und 65535 liegen.</translation>
    </message>
    <message>
        <source>Give both the certificate and its key, or neither.</source>
        <translation>Geben Sie sowohl das Zertifikat als auch den zugehörigen Schlüssel an oder keines von beiden.</translation>
    </message>
    <message>
        <source>Server › role: %1</source>
        <translation>Server › Rolle: %1</translation>
    </message>
    <message>
        <source>Server › primary domain: %1</source>
        <translation>Server › Primäre Domäne: %1</translation>
    </message>
    <message>
        <source>Server › extra local domains: %1</source>
        <translation>Server › Weitere lokale Domänen: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Server › host name: %1</source>
        <translation>Server › Hostname: %1</translation>
    </message>
    <message>
        <source>Passthrough › domains it applies to: %1</source>
        <translation>Passthrough › Gilt für Domänen: %1</translation>
    </message>
    <message>
        <source>all local domains</source>
        <translation>alle lokalen Domänen</translation>
    </message>
    <message>
        <source>Passthrough › Copy all mail to sender&apos;s Sent items: %1</source>
        <translation>Passthrough › Alle Nachrichten in „Gesendete Elemente“ des Absenders kopieren: %1</translation>
    </message>
    <message>
        <source>Passthrough › Create mailbox if necessary: %1</source>
        <translation>Passthrough › Postfach bei Bedarf erstellen: %1</translation>
    </message>
    <message>
        <source>Passthrough › Copy all mail for local domains to Outbox: %1</source>
        <translation>Passthrough › Alle Nachrichten für lokale Domänen in den Postausgang kopieren: %1</translation>
    </message>
    <message>
        <source>Passthrough › Copy all mail without Received: headers to Outbox: %1</source>
        <translation>Passthrough › Alle Nachrichten ohne Received:-Header in den Postausgang kopieren: %1</translation>
    </message>
    <message>
        <source>Undelivered Mail › action: %1</source>
        <translation>Unzustellbare Nachrichten › Aktion: %1</translation>
    </message>
    <message>
        <source>SMTP service %1 port %2 (%3)</source>
        <translation>SMTP-Dienst %1, Port %2 (%3)</translation>
    </message>
    <message>
        <source>%1 › Reject non-local senders claiming to be local: %2</source>
        <translation>%1 › Nicht lokale Absender ablehnen, die sich als lokal ausgeben: %2</translation>
    </message>
    <message>
        <source>%1 › Require authentication: %2</source>
        <translation>%1 › Authentifizierung erforderlich: %2</translation>
    </message>
    <message>
        <source>Relaying › allowed networks: %1</source>
        <translation>Relaying › Zugelassene Netzwerke: %1</translation>
    </message>
    <message>
        <source>TLS › certificate: none (no STARTTLS)</source>
        <translation>TLS › Zertifikat: keines (kein STARTTLS)</translation>
    </message>
    <message>
        <source>TLS › certificate: %1, key: %2</source>
        <translation>TLS › Zertifikat: %1, Schlüssel: %2</translation>
    </message>
    <message>
        <source>Outgoing Mail › static route %1 → %2 port %3</source>
        <translation>Ausgehende E-Mails › Statische Route %1 → %2, Port %3</translation>
    </message>
    <message>
        <source>Outgoing Mail › SmartHost: %1 port %2</source>
        <translation>Ausgehende E-Mails › SmartHost: %1, Port %2</translation>
    </message>
    <message>
        <source>Outgoing Mail › MX delivery (DNS), no SmartHost</source>
        <translation>Ausgehende E-Mails › Zustellung über MX-Einträge (DNS), kein SmartHost</translation>
    </message>
    <message>
        <source>Outgoing Mail › other mail: MX delivery (DNS), no SmartHost</source>
        <translation>Ausgehende E-Mails › Übrige E-Mails: Zustellung über MX-Einträge (DNS), kein SmartHost</translation>
    </message>
    <message>
        <source>the archive store</source>
        <translation>den Archivspeicher</translation>
    </message>
    <message>
        <source>the mailbox&apos;s Archive folder</source>
        <translation>den Ordner „Archive“ des Postfachs</translation>
    </message>
    <message>
        <source>deletion</source>
        <translation>Löschung</translation>
    </message>
    <message>
        <source>Mailbox template › archive: never</source>
        <translation>Postfachvorlage › archivieren: nie</translation>
    </message>
    <message>
        <source>Mailbox template › archive after %1 to %2</source>
        <translation>Postfachvorlage › nach %1 archivieren in %2</translation>
    </message>
    <message>
        <source>Mailbox template › expire: never (kept for ever)</source>
        <translation>Postfachvorlage › ablaufen: nie (für immer aufbewahrt)</translation>
    </message>
    <message>
        <source>Mailbox template › expire after %1</source>
        <translation>Postfachvorlage › ablaufen nach %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Tandem mail server console.</source>
        <translation>Tandem-Mailserver-Konsole.</translation>
    </message>
</context>
<context>
    <name>tandem::config::Settings</name>
    <message>
        <source>unknown key</source>
        <translation>unbekannter Schlüssel</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>muss ein Objekt sein</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>muss eine Zeichenfolge sein</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <extracomment>true and false are the values written in the configuration file.</extracomment>
        <translation>muss true oder false sein</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>muss eine ganze Zahl sein</translation>
    </message>
    <message>
        <source>must be %1-%2</source>
        <translation>muss zwischen %1 und %2 liegen</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>muss eine Liste sein</translation>
    </message>
    <message>
        <source>must be one of %1</source>
        <extracomment>%1 lists the allowed values as they are written in the configuration file, each in straight double quotes (&quot;mailbox&quot;, &quot;archive&quot;, &quot;custom&quot;).</extracomment>
        <translation>muss einer der folgenden Werte sein: %1</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>ist erforderlich</translation>
    </message>
    <message>
        <source>must be a domain name such as example.com</source>
        <translation>muss ein Domänenname wie example.com sein</translation>
    </message>
    <message>
        <source>must be a domain name</source>
        <translation>muss ein Domänenname sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is listed twice</source>
        <translation>„%1“ ist doppelt aufgeführt</translation>
    </message>
    <message>
        <source>must be a host name such as mail.example.com</source>
        <translation>muss ein Hostname wie mail.example.com sein</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>darf nicht leer sein</translation>
    </message>
    <message>
        <source>must be an IPv4 or IPv6 address</source>
        <translation>muss eine IPv4- oder IPv6-Adresse sein</translation>
    </message>
    <message>
        <source>%1 port %2 is already used by another listener</source>
        <translation>Adresse %1, Port %2 wird bereits von einem anderen Empfangsdienst verwendet</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a network such as 192.168.0.0/16</source>
        <translation>„%1“ ist kein Netzwerk wie 192.168.0.0/16</translation>
    </message>
    <message>
        <source>certificate and key must be given together</source>
        <translation>Zertifikat und Schlüssel müssen zusammen angegeben werden</translation>
    </message>
    <message>
        <source>must not exceed smtp.max_connections</source>
        <extracomment>Keep smtp.max_connections as it is: it names a key in the configuration file.</extracomment>
        <translation>darf smtp.max_connections nicht überschreiten</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a local domain (server.domain or server.local_domains)</source>
        <extracomment>Keep server.domain and server.local_domains as they are: they name keys in the configuration file.</extracomment>
        <translation>„%1“ ist keine lokale Domäne (server.domain oder server.local_domains)</translation>
    </message>
    <message>
        <source>must be &quot;all&quot; or a list of local domains</source>
        <extracomment>Keep &quot;all&quot; as it is: it is the value written in the configuration file.</extracomment>
        <translation>muss „all“ oder eine Liste lokaler Domänen sein</translation>
    </message>
    <message>
        <source>must be a mailbox name (letters, digits, . _ + -)</source>
        <translation>muss ein Postfachname sein (Buchstaben, Ziffern, . _ + -)</translation>
    </message>
    <message>
        <source>must be empty or an IP address</source>
        <translation>muss leer oder eine IP-Adresse sein</translation>
    </message>
    <message>
        <source>must be a host name or an IP address</source>
        <translation>muss ein Hostname oder eine IP-Adresse sein</translation>
    </message>
    <message>
        <source>must list at least one domain, *.domain or *</source>
        <translation>muss mindestens eine Domäne, *.domäne oder * enthalten</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a domain, *.domain or *</source>
        <translation>„%1“ muss eine Domäne, *.domäne oder * sein</translation>
    </message>
    <message>
        <source>must list at least one interval</source>
        <translation>muss mindestens ein Intervall enthalten</translation>
    </message>
    <message>
        <source>must be less than give_up_after_hours</source>
        <extracomment>Keep give_up_after_hours as it is: it names a key in the configuration file.</extracomment>
        <translation>muss kleiner als give_up_after_hours sein</translation>
    </message>
    <message>
        <source>must be a user name (letters, digits, . _ + -)</source>
        <translation>muss ein Benutzername sein (Buchstaben, Ziffern, . _ + -)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a local domain</source>
        <translation>„%1“ ist keine lokale Domäne</translation>
    </message>
    <message>
        <source>must be a hash made by &quot;tandemd user passwd&quot; (pbkdf2-sha256$...)</source>
        <extracomment>Keep the command &quot;tandemd user passwd&quot; and pbkdf2-sha256$... as they are.</extracomment>
        <translation>muss ein mit „tandemd user passwd“ erzeugter Hash sein (pbkdf2-sha256$...)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is wider than any LAN (/%2 at most) and would let anyone relay through smtp.listeners[%3], which does not require authentication</source>
        <extracomment>Keep smtp.listeners[%3] exactly as it is: the SMTP service dialog finds it and puts in its place &quot;this SMTP service&quot; or &quot;the SMTP service on 192.168.1.5 port 25&quot;, as translated in that dialog. Word the sentence so that such a phrase fits there unchanged.</extracomment>
        <translation>„%1“ ist größer als jedes LAN (höchstens /%2): Da smtp.listeners[%3] keine Authentifizierung verlangt, könnte jeder darüber E-Mails weiterleiten (offenes Relay)</translation>
    </message>
    <message>
        <source>&quot;smtps&quot; needs smtp.tls.certificate and smtp.tls.key</source>
        <extracomment>Keep &quot;smtps&quot;, smtp.tls.certificate and smtp.tls.key as they are: they are a value and keys in the configuration file.</extracomment>
        <translation>„smtps“ benötigt smtp.tls.certificate und smtp.tls.key</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 may be read by others; chmod 600 it</source>
        <translation>%1 ist für andere lesbar; schränken Sie die Rechte mit chmod 600 ein</translation>
    </message>
    <message>
        <source>%1 must be {&quot;passwords&quot;: {&quot;[host]:port&quot;: &quot;...&quot;}}</source>
        <translation>%1 muss die Form {&quot;passwords&quot;: {&quot;[host]:port&quot;: &quot;...&quot;}} haben</translation>
    </message>
    <message>
        <source>not valid JSON at line %1: %2</source>
        <translation>kein gültiges JSON in Zeile %1: %2</translation>
    </message>
    <message>
        <source>must be a JSON object</source>
        <translation>muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>%1 must be {&quot;passwords&quot;: {&quot;[host]:port&quot;: &quot;...&quot;}, &quot;tls_key_passphrase&quot;: &quot;...&quot;} (either key may be left out, not both)</source>
        <translation>%1 muss {&quot;passwords&quot;: {&quot;[host]:port&quot;: &quot;...&quot;}, &quot;tls_key_passphrase&quot;: &quot;...&quot;} sein (einer der beiden Schlüssel darf fehlen, nicht beide)</translation>
    </message>
    <message>
        <source>%1: tls_key_passphrase must be a string</source>
        <translation>%1: tls_key_passphrase muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>must be at least the largest message (smtp.max_message_bytes, %1 MiB)</source>
        <translation>muss mindestens die größte Nachricht fassen (smtp.max_message_bytes, %1 MiB)</translation>
    </message>
    <message>
        <source>nobody could log in: AUTH is offered only under TLS, and there is none; configure smtp.tls, or set smtp.allow_plaintext_auth</source>
        <extracomment>Keep AUTH, smtp.tls and smtp.allow_plaintext_auth as they are: they are the SMTP command and keys in the configuration file.</extracomment>
        <translation>niemand könnte sich anmelden: AUTH wird nur unter TLS angeboten, und es gibt keins; richten Sie smtp.tls ein oder setzen Sie smtp.allow_plaintext_auth</translation>
    </message>
    <message>
        <source>%1 belongs to user %2, not to %3, the user tandemd runs as</source>
        <translation>%1 gehört dem Benutzer %2, nicht %3, dem Benutzer, unter dem tandemd läuft</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a user (mailboxes.users)</source>
        <extracomment>Keep mailboxes.users as it is: it names a key in the configuration file.</extracomment>
        <translation>„%1“ ist kein Benutzer (mailboxes.users)</translation>
    </message>
    <message>
        <source>must be a duration such as 12h, 30d, 2w or 7y (0 = never)</source>
        <extracomment>Keep 0, 12h, 30d, 2w and 7y as they are: they are written in the file.</extracomment>
        <translation>muss eine Dauer wie 12h, 30d, 2w oder 7y sein (0 = nie)</translation>
    </message>
    <message>
        <source>superseded by archive_after and expire_after; ignored</source>
        <translation>ersetzt durch archive_after und expire_after; ignoriert</translation>
    </message>
    <message>
        <source>must be 0 or at least archive_after</source>
        <extracomment>Keep archive_after as it is: it names a key in the configuration file.</extracomment>
        <translation>muss 0 oder mindestens archive_after sein</translation>
    </message>
</context>
<context>
    <name>tandem::ui::ArchivePolicyEditor</name>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tagen</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>Wochen</translation>
    </message>
    <message>
        <source>into the read-only archive store</source>
        <translation>in den schreibgeschützten Archivspeicher</translation>
    </message>
    <message>
        <source>into the mailbox&apos;s Archive folder (visible over IMAP)</source>
        <translation>in den Ordner Archive des Postfachs (über IMAP sichtbar)</translation>
    </message>
    <message>
        <source>delete instead of archiving</source>
        <translation>löschen statt archivieren</translation>
    </message>
    <message>
        <source>years</source>
        <translation>Jahren</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>löschen</translation>
    </message>
    <message>
        <source>export to an mbox file</source>
        <translation>in eine mbox-Datei exportieren</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>No cap</source>
        <translation>Keine Begrenzung</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Age at which a message leaves the live folders; Never (0) keeps it there.</source>
        <translation>Alter, in dem eine Nachricht die aktiven Ordner verlässt; Nie (0) behält sie dort.</translation>
    </message>
    <message>
        <source>&lt;p&gt;After how long a message leaves the live folders (INBOX, Sent and the others). A message&apos;s age is the time since it was filed here, not since it moved between folders. 0 (&lt;i&gt;Never&lt;/i&gt;) archives nothing.&lt;/p&gt;&lt;p&gt;Archiving happens in the maintenance runs, never while mail is delivered.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Nach welcher Zeit eine Nachricht die aktiven Ordner (INBOX, Sent und die anderen) verlässt. Das Alter einer Nachricht ist die Zeit, seit sie hier abgelegt wurde, nicht seit sie zwischen Ordnern verschoben wurde. 0 (&lt;i&gt;Nie&lt;/i&gt;) archiviert nichts.&lt;/p&gt;&lt;p&gt;Archiviert wird in den Wartungsläufen, nie während der Zustellung.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Whether the number above counts hours, days or weeks.</source>
        <translation>Ob die Zahl oben Stunden, Tage oder Wochen zählt.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The unit of &lt;i&gt;Archive messages after&lt;/i&gt;: hours, days or weeks (a week is 7 days).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Einheit von &lt;i&gt;Archivieren nach&lt;/i&gt;: Stunden, Tage oder Wochen (eine Woche hat 7 Tage).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Where a message goes when it leaves the live folders.</source>
        <translation>Wohin eine Nachricht geht, wenn sie die aktiven Ordner verlässt.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Into the read-only archive store&lt;/b&gt;: deep storage under data/archive, each distinct message stored once and compressed, not visible over IMAP and not changeable by anyone; every copy is recorded in the mailbox&apos;s ledger, which &lt;i&gt;verify&lt;/i&gt; proves untouched.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Into the mailbox&apos;s Archive folder&lt;/b&gt;: the message moves to the folder named Archive, where the user still sees it over IMAP.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Delete instead of archiving&lt;/b&gt;: the message is deleted at that age (unless it is on legal hold).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;In den schreibgeschützten Archivspeicher&lt;/b&gt;: Tiefenspeicher unter data/archive, jede Nachricht nur einmal und komprimiert gespeichert, über IMAP nicht sichtbar und von niemandem änderbar; jede Kopie wird im Journal des Postfachs verzeichnet, dessen Unversehrtheit &lt;i&gt;verify&lt;/i&gt; nachweist.&lt;/p&gt;&lt;p&gt;&lt;b&gt;In den Ordner Archive des Postfachs&lt;/b&gt;: Die Nachricht wird in den Ordner Archive verschoben, wo der Benutzer sie über IMAP weiter sieht.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Löschen statt archivieren&lt;/b&gt;: Die Nachricht wird in diesem Alter gelöscht (außer sie unterliegt einer Aufbewahrungssperre).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Age at which a message expires; Never (0) keeps it for ever.</source>
        <translation>Alter, in dem eine Nachricht abläuft; Nie (0) behält sie für immer.</translation>
    </message>
    <message>
        <source>&lt;p&gt;After how long a message expires, counted like the archiving age from when it was filed here; 0 (&lt;i&gt;Never&lt;/i&gt;) keeps it for ever. It must be 0 or at least the archiving age.&lt;/p&gt;&lt;p&gt;Nothing on legal hold ever expires.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Nach welcher Zeit eine Nachricht abläuft, wie das Archivierungsalter ab ihrer Ablage hier gezählt; 0 (&lt;i&gt;Nie&lt;/i&gt;) behält sie für immer. Der Wert muss 0 oder mindestens das Archivierungsalter sein.&lt;/p&gt;&lt;p&gt;Nichts unter Aufbewahrungssperre läuft je ab.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Whether the number above counts days, weeks or years.</source>
        <translation>Ob die Zahl oben Tage, Wochen oder Jahre zählt.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The unit of &lt;i&gt;Expire after&lt;/i&gt;: days, weeks or years (a year is 365 days).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Einheit von &lt;i&gt;Ablaufen nach&lt;/i&gt;: Tage, Wochen oder Jahre (ein Jahr hat 365 Tage).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>What becomes of an expired message: deleted, or exported first.</source>
        <translation>Was mit einer abgelaufenen Nachricht geschieht: gelöscht oder zuvor exportiert.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Delete&lt;/b&gt;: an expired message is removed from the store.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Export to an mbox file&lt;/b&gt;: it is written to the mailbox&apos;s mbox file in the export folder (mailboxes.archive.export_dir) before it is removed.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Löschen&lt;/b&gt;: Eine abgelaufene Nachricht wird aus dem Speicher entfernt.&lt;/p&gt;&lt;p&gt;&lt;b&gt;In eine mbox-Datei exportieren&lt;/b&gt;: Sie wird vor dem Entfernen in die mbox-Datei des Postfachs im Exportordner (mailboxes.archive.export_dir) geschrieben.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The live mailbox&apos;s size cap in megabytes; No cap for none.</source>
        <translation>Die Größengrenze des aktiven Postfachs in Megabyte; Keine Begrenzung für keine.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The size the live mailbox may grow to, in megabytes; 0 (&lt;i&gt;No cap&lt;/i&gt;) for none.&lt;/p&gt;&lt;p&gt;On a Mailbox, mail for a full mailbox is answered 452 4.2.2 at RCPT: the sending server keeps it and tries again. An Archive never refuses mail for a local domain: it keeps storing, logs the fact, raises an alarm in the console and tells the postmaster.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Größe, die das aktive Postfach erreichen darf, in Megabyte; 0 (&lt;i&gt;Keine Begrenzung&lt;/i&gt;) für keine.&lt;/p&gt;&lt;p&gt;Auf einem Postfachserver wird E-Mail für ein volles Postfach bei RCPT mit 452 4.2.2 beantwortet: Der sendende Server behält sie und versucht es erneut. Ein Archivserver weist E-Mail für eine lokale Domäne nie ab: Er speichert weiter, protokolliert es, meldet einen Alarm in der Konsole und benachrichtigt den Postmaster.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The postmaster is told when a mailbox reaches this share of its cap.</source>
        <translation>Der Postmaster wird benachrichtigt, wenn ein Postfach diesen Anteil seiner Grenze erreicht.</translation>
    </message>
    <message>
        <source>&lt;p&gt;When a mailbox with a size cap reaches this percentage of it, the postmaster is sent a warning, so that there is time to act before mail is refused.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Erreicht ein Postfach mit Größengrenze diesen Prozentsatz davon, erhält der Postmaster eine Warnung, damit Zeit zum Handeln bleibt, bevor E-Mail abgewiesen wird.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Archive messages &amp;after:</source>
        <translation>Archivieren na&amp;ch:</translation>
    </message>
    <message>
        <source>Archived mail &amp;goes:</source>
        <translation>&amp;Ziel archivierter Nachrichten:</translation>
    </message>
    <message>
        <source>&amp;Expire after:</source>
        <translation>Ab&amp;laufen nach:</translation>
    </message>
    <message>
        <source>On e&amp;xpiry:</source>
        <translation>Bei Ablau&amp;f:</translation>
    </message>
    <message>
        <source>Size &amp;limit:</source>
        <translation>&amp;Größengrenze:</translation>
    </message>
    <message>
        <source>&amp;Warn the postmaster at:</source>
        <translation>Post&amp;master warnen bei:</translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n Jahr</numerusform>
            <numerusform>%n Jahren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n Woche</numerusform>
            <numerusform>%n Wochen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing archived</source>
        <translation>nichts wird archiviert</translation>
    </message>
    <message>
        <source>archive after %1 into the store</source>
        <translation>nach %1 in den Speicher archivieren</translation>
    </message>
    <message>
        <source>move to the Archive folder after %1</source>
        <translation>nach %1 in den Ordner Archive verschieben</translation>
    </message>
    <message>
        <source>delete after %1</source>
        <translation>nach %1 löschen</translation>
    </message>
    <message>
        <source>kept for ever</source>
        <translation>für immer behalten</translation>
    </message>
    <message>
        <source>exported to an mbox file and removed after %1</source>
        <translation>nach %1 in eine mbox-Datei exportiert und entfernt</translation>
    </message>
    <message>
        <source>deleted after %1</source>
        <translation>nach %1 gelöscht</translation>
    </message>
    <message>
        <source>size cap %1 MB, warning at %2 %</source>
        <translation>Größengrenze %1 MB, Warnung bei %2 %</translation>
    </message>
</context>
<context>
    <name>tandem::ui::ArchiveSearch</name>
    <message>
        <source>No configuration is loaded: there is no archive to use.</source>
        <translation>Es ist keine Konfiguration geladen: Es gibt kein Archiv, das verwendet werden könnte.</translation>
    </message>
</context>
<context>
    <name>tandem::ui::CopyBackDialog</name>
    <message>
        <source>Copy to mailbox</source>
        <translation>In Postfach kopieren</translation>
    </message>
    <message numerus="yes">
        <source>A new copy of the %n chosen message(s) goes into the mailbox, as if delivered again. The archived originals stay where they are, and the mailbox&apos;s ledger records each copy.</source>
        <translation>
            <numerusform>Eine neue Kopie der gewählten Nachricht kommt in das Postfach, als wäre sie erneut zugestellt worden. Das archivierte Original bleibt, wo es ist, und das Journal des Postfachs verzeichnet die Kopie.</numerusform>
            <numerusform>Eine neue Kopie jeder der %n gewählten Nachrichten kommt in das Postfach, als wären sie erneut zugestellt worden. Die archivierten Originale bleiben, wo sie sind, und das Journal des Postfachs verzeichnet jede Kopie.</numerusform>
        </translation>
    </message>
    <message>
        <source>user@example.com</source>
        <translation>benutzer@example.com</translation>
    </message>
    <message>
        <source>A mailbox on this server. One that does not exist yet is created, as for new mail.</source>
        <translation>Ein Postfach dieses Servers. Ein noch nicht vorhandenes wird angelegt, wie bei neuer Post.</translation>
    </message>
    <message>
        <source>Into its &amp;INBOX</source>
        <translation>In seine &amp;INBOX (Posteingang)</translation>
    </message>
    <message>
        <source>The copies appear among the user&apos;s new mail.</source>
        <translation>Die Kopien erscheinen unter der neuen Post des Benutzers.</translation>
    </message>
    <message>
        <source>Into a “&amp;Restored” folder</source>
        <translation>In einen Ordner „&amp;Restored“</translation>
    </message>
    <message>
        <source>The copies go into a folder of their own, apart from the user&apos;s new mail.</source>
        <translation>Die Kopien kommen in einen eigenen Ordner, getrennt von der neuen Post des Benutzers.</translation>
    </message>
    <message>
        <source>&amp;Mailbox:</source>
        <translation>&amp;Postfach:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
</context>
<context>
    <name>tandem::ui::EntryDetailsDialog</name>
    <message>
        <source>Queue entry %1</source>
        <translation>Warteschlangeneintrag %1</translation>
    </message>
    <message>
        <source>Entry:</source>
        <translation>Eintrag:</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Nachricht:</translation>
    </message>
    <message>
        <source>From (MAIL FROM):</source>
        <translation>Absender (MAIL FROM):</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Betreff:</translation>
    </message>
    <message>
        <source>Received from:</source>
        <translation>Empfangen von:</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>Empfangen:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <source>Next hop:</source>
        <translation>Nächster Hop:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Attempts:</source>
        <translation>Versuche:</translation>
    </message>
    <message>
        <source>Next attempt:</source>
        <translation>Nächster Versuch:</translation>
    </message>
    <message>
        <source>Delivery notices:</source>
        <translation>Zustellberichte:</translation>
    </message>
    <message>
        <source>&amp;Envelope and recipients</source>
        <translation>&amp;Umschlag und Empfänger</translation>
    </message>
    <message>
        <source>&amp;Attempts</source>
        <translation>&amp;Versuche</translation>
    </message>
    <message>
        <source>&amp;Headers</source>
        <translation>&amp;Kopfzeilen</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wohin</translation>
    </message>
    <message>
        <source>Last reply</source>
        <translation>Letzte Antwort</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Asking the engine…</source>
        <translation>Der Dienst wird gefragt…</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>in Warteschlange</translation>
    </message>
    <message>
        <source>delivering</source>
        <translation>wird zugestellt</translation>
    </message>
    <message>
        <source>deferred</source>
        <translation>zurückgestellt</translation>
    </message>
    <message>
        <source>held</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>zugestellt</translation>
    </message>
    <message>
        <source>failed, sender told</source>
        <translation>fehlgeschlagen, Absender benachrichtigt</translation>
    </message>
    <message>
        <source>stored here</source>
        <translation>hier abgelegt</translation>
    </message>
    <message>
        <source>returned to sender</source>
        <translation>an Absender zurückgesandt</translation>
    </message>
    <message>
        <source>left the Outbox</source>
        <translation>hat den Postausgang verlassen</translation>
    </message>
    <message>
        <source>Entry %1 is no longer in the queue: it was delivered, returned or deleted.</source>
        <translation>Eintrag %1 ist nicht mehr in der Warteschlange: Er wurde zugestellt, zurückgesandt oder gelöscht.</translation>
    </message>
    <message>
        <source>&lt;&gt; (the null sender of a notice)</source>
        <translation>&lt;&gt; (der leere Absender eines Berichts)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>made by this server</source>
        <translation>von diesem Server erzeugt</translation>
    </message>
    <message>
        <source>%1 (greeted as %2)</source>
        <translation>%1 (meldete sich als %2)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln byte(s)</source>
        <translation>
            <numerusform>%Ln Byte</numerusform>
            <numerusform>%Ln Bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>when released</source>
        <translation>nach der Freigabe</translation>
    </message>
    <message>
        <source>as the receiving servers decide (none asked for)</source>
        <translation>wie die empfangenden Server entscheiden (keine angefordert)</translation>
    </message>
</context>
<context>
    <name>tandem::ui::ExportDialog</name>
    <message>
        <source>Export messages</source>
        <translation>Nachrichten exportieren</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message numerus="yes">
        <source>The %n &amp;chosen message(s)</source>
        <translation>
            <numerusform>Die &amp;gewählte Nachricht</numerusform>
            <numerusform>Die %n &amp;gewählten Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;All messages found</source>
        <translation>&amp;Alle gefundenen Nachrichten</translation>
    </message>
    <message>
        <source>&amp;All %1 messages found</source>
        <translation>&amp;Alle %1 gefundenen Nachrichten</translation>
    </message>
    <message>
        <source>Every copy the query finds, in the order shown, also those not scrolled to yet</source>
        <translation>Jede Kopie, die die Abfrage findet, in der angezeigten Reihenfolge, auch die noch nicht angezeigten</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>One &amp;mbox file</source>
        <translation>Eine &amp;mbox-Datei</translation>
    </message>
    <message>
        <source>Every message in one file (mboxrd), as mail programs import it; each copy with its Return-Path: and Delivered-To: lines</source>
        <translation>Alle Nachrichten in einer Datei (mboxrd), wie E-Mail-Programme sie importieren; jede Kopie mit ihren Zeilen Return-Path: und Delivered-To:</translation>
    </message>
    <message>
        <source>A folder of .&amp;eml files</source>
        <translation>Ein Ordner mit .&amp;eml-Dateien</translation>
    </message>
    <message>
        <source>One file per message, the original byte for byte</source>
        <translation>Eine Datei je Nachricht, das Original Byte für Byte</translation>
    </message>
    <message>
        <source>One &amp;zip file of .eml files</source>
        <translation>Eine &amp;zip-Datei mit .eml-Dateien</translation>
    </message>
    <message>
        <source>The .eml files packed into one zip file, to send on</source>
        <translation>Die .eml-Dateien in einer zip-Datei, zum Weitergeben</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Durch&amp;suchen…</translation>
    </message>
    <message>
        <source>Save &amp;to:</source>
        <translation>Speichern &amp;unter:</translation>
    </message>
    <message>
        <source>Each exported message is recorded in its mailbox&apos;s ledger. The archived originals stay.</source>
        <translation>Jede exportierte Nachricht wird im Journal ihres Postfachs verzeichnet. Die archivierten Originale bleiben.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Folder for the .eml files</source>
        <translation>Ordner für die .eml-Dateien</translation>
    </message>
    <message>
        <source>mbox files (*.mbox)</source>
        <translation>mbox-Dateien (*.mbox)</translation>
    </message>
    <message>
        <source>zip files (*.zip)</source>
        <translation>zip-Dateien (*.zip)</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>Datei ersetzen?</translation>
    </message>
    <message>
        <source>%1 exists. Replace it with the export?</source>
        <translation>%1 ist vorhanden. Durch den Export ersetzen?</translation>
    </message>
</context>
<context>
    <name>tandem::ui::InboxPropertiesDialog</name>
    <message>
        <source>Inbox Properties</source>
        <translation>Eigenschaften des Posteingangs</translation>
    </message>
    <message>
        <source>&amp;Passthrough</source>
        <translation>&amp;Passthrough</translation>
    </message>
    <message>
        <source>&amp;Undelivered Mail</source>
        <translation>&amp;Unzustellbare Nachrichten</translation>
    </message>
    <message>
        <source>Domains the passthrough applies to</source>
        <translation>Domänen, für die das Passthrough gilt</translation>
    </message>
    <message>
        <source>All domains</source>
        <translation>Alle Domänen</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Kopien</translation>
    </message>
    <message>
        <source>Copy all mail to sender&apos;s Sent items</source>
        <translation>Alle Nachrichten in „Gesendete Elemente“ des Absenders kopieren</translation>
    </message>
    <message>
        <source>Create mailbox if necessary</source>
        <translation>Postfach bei Bedarf erstellen</translation>
    </message>
    <message>
        <source>Copy all mail for local domains to Outbox</source>
        <translation>Alle Nachrichten für lokale Domänen in den Postausgang kopieren</translation>
    </message>
    <message>
        <source>Copy all mail without Received: headers to Outbox</source>
        <translation>Alle Nachrichten ohne Received:-Header in den Postausgang kopieren</translation>
    </message>
    <message>
        <source>Mail for a local address that has no mailbox</source>
        <translation>Nachrichten an eine lokale Adresse ohne Postfach</translation>
    </message>
    <message>
        <source>Return undelivered mail to sender</source>
        <translation>Unzustellbare Nachrichten an den Absender zurücksenden</translation>
    </message>
    <message>
        <source>Create mailbox and store</source>
        <translation>Postfach erstellen und Nachricht speichern</translation>
    </message>
    <message>
        <source>Forward to mailbox</source>
        <translation>An Postfach weiterleiten</translation>
    </message>
    <message>
        <source>postmaster</source>
        <translation>postmaster</translation>
    </message>
    <message>
        <source>Make the copies below for mail of every local domain.</source>
        <translation>Die Kopien unten für die E-Mails aller lokalen Domänen anlegen.</translation>
    </message>
    <message>
        <source>&lt;p&gt;When ticked, the passthrough copies below are made for the primary domain and every other local domain, including domains added later. Untick it to choose the domains in the list.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Wenn aktiviert, werden die Passthrough-Kopien unten für die Hauptdomäne und jede weitere lokale Domäne angelegt, auch für später hinzugefügte. Deaktivieren Sie es, um die Domänen in der Liste auszuwählen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The local domains whose mail the copies below are made for.</source>
        <translation>Die lokalen Domänen, für deren E-Mails die Kopien unten angelegt werden.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Only mail to and from the ticked domains is copied to the Outbox or to the sender&apos;s Sent items; mail of the other local domains is only stored here.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Nur E-Mails an und von den angehakten Domänen werden in den Postausgang oder in die gesendeten Elemente des Absenders kopiert; E-Mails der übrigen lokalen Domänen werden nur hier gespeichert.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>File a copy of mail from a local sender in that mailbox&apos;s Sent folder.</source>
        <translation>Eine Kopie der E-Mails eines lokalen Absenders im Ordner „Sent“ seines Postfachs ablegen.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Copy all mail to sender&apos;s Sent items&lt;/b&gt;: when the envelope sender (MAIL FROM) is a local address and the message comes from a trusted or authenticated client, a copy is stored in that mailbox&apos;s &lt;i&gt;Sent&lt;/i&gt; folder — for mail to local and remote recipients alike. Mail with the null sender (&amp;lt;&amp;gt;), such as delivery reports, has no Sent copy.&lt;/p&gt;&lt;p&gt;On in the Archive role, off in the Mailbox role.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Alle Nachrichten in „Gesendete Elemente“ des Absenders kopieren&lt;/b&gt;: Ist der Umschlagabsender (MAIL FROM) eine lokale Adresse und kommt die Nachricht von einem vertrauenswürdigen oder angemeldeten Client, wird eine Kopie im Ordner &lt;i&gt;Sent&lt;/i&gt; dieses Postfachs gespeichert – für E-Mails an lokale wie an entfernte Empfänger. E-Mails mit leerem Absender (&amp;lt;&amp;gt;), etwa Zustellberichte, erhalten keine Kopie.&lt;/p&gt;&lt;p&gt;In der Rolle Archivserver an, in der Rolle Postfachserver aus.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Make a missing sender&apos;s mailbox from the template for its Sent copy.</source>
        <translation>Das fehlende Postfach eines Absenders für seine Kopie aus der Vorlage erstellen.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Create mailbox if necessary&lt;/b&gt;: a passthrough copy (Sent items) for a local address that has no mailbox creates the mailbox from the mailbox template, instead of being dropped.&lt;/p&gt;&lt;p&gt;On in the Archive role, off in the Mailbox role.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Postfach bei Bedarf erstellen&lt;/b&gt;: Eine Passthrough-Kopie (gesendete Elemente) für eine lokale Adresse ohne Postfach erstellt das Postfach aus der Postfachvorlage, statt verworfen zu werden.&lt;/p&gt;&lt;p&gt;In der Rolle Archivserver an, in der Rolle Postfachserver aus.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Also queue every message for local recipients in the Outbox, so that the Archive gets a copy.</source>
        <translation>Jede Nachricht an lokale Empfänger zusätzlich in den Postausgang stellen, damit der Archivserver eine Kopie erhält.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Copy all mail for local domains to Outbox&lt;/b&gt;: every accepted message that has local recipients is, besides being delivered to their mailboxes, queued in the Outbox for those same recipients, and leaves by the Outbox&apos;s route (so the Archive gets it). A message with local and remote recipients leaves as one transaction carrying all of them to the same next hop.&lt;/p&gt;&lt;p&gt;On in the Mailbox role, off in the Archive role.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Alle Nachrichten für lokale Domänen in den Postausgang kopieren&lt;/b&gt;: Jede angenommene Nachricht mit lokalen Empfängern wird nicht nur in deren Postfächer zugestellt, sondern auch für dieselben Empfänger in den Postausgang gestellt und verlässt den Server über dessen Route (so erhält der Archivserver sie). Eine Nachricht mit lokalen und entfernten Empfängern geht als eine Übertragung mit allen Empfängern an denselben nächsten Hop.&lt;/p&gt;&lt;p&gt;In der Rolle Postfachserver an, in der Rolle Archivserver aus.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Send mail with no Received: header of another server through the Outbox, even for local recipients.</source>
        <translation>E-Mails ohne Received:-Header eines anderen Servers über den Postausgang senden, auch für lokale Empfänger.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Copy all mail without Received: headers to Outbox&lt;/b&gt;: a message that carries no Received: header apart from the one this server adds on acceptance — one this server made itself, such as a delivery failure report, or one handed in directly by a mail client — is routed through the Outbox even when its recipients are local, instead of being stored here.&lt;/p&gt;&lt;p&gt;On an Archive this sends its bounces back to the Mailbox machine, where the users read them; the Mailbox then passes its usual copy back, so the Archive still files the bounce exactly once. On in the Archive role, off in the Mailbox role.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Alle Nachrichten ohne Received:-Header in den Postausgang kopieren&lt;/b&gt;: Eine Nachricht ohne Received:-Header außer dem, den dieser Server bei der Annahme hinzufügt – eine, die dieser Server selbst erzeugt hat, etwa ein Unzustellbarkeitsbericht, oder eine, die ein E-Mail-Client direkt eingeliefert hat –, wird auch bei lokalen Empfängern über den Postausgang geleitet, statt hier gespeichert zu werden.&lt;/p&gt;&lt;p&gt;Auf einem Archivserver schickt das seine Unzustellbarkeitsberichte an den Postfachserver zurück, wo die Benutzer sie lesen; der Postfachserver reicht dann wie üblich seine Kopie zurück, sodass der Archivserver den Bericht trotzdem genau einmal ablegt. In der Rolle Archivserver an, in der Rolle Postfachserver aus.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Refuse mail for a local address without a mailbox (550 5.1.1), or return it.</source>
        <translation>E-Mails an eine lokale Adresse ohne Postfach ablehnen (550 5.1.1) oder zurücksenden.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Return to sender&lt;/b&gt;: a recipient in a local domain with no mailbox is refused at RCPT with 550 5.1.1 while the SMTP session is open, so that the sending server returns the message and no backscatter is made. When it can only be found out after acceptance, a delivery status notification (RFC 3464) goes back to the envelope sender.&lt;/p&gt;&lt;p&gt;The Mailbox role&apos;s choice.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;An Absender zurücksenden&lt;/b&gt;: Ein Empfänger in einer lokalen Domäne ohne Postfach wird bei RCPT mit 550 5.1.1 abgelehnt, solange die SMTP-Sitzung offen ist; so sendet der einliefernde Server die Nachricht zurück und es entsteht kein Backscatter. Zeigt es sich erst nach der Annahme, geht ein Zustellstatusbericht (RFC 3464) an den Umschlagabsender.&lt;/p&gt;&lt;p&gt;Die Wahl der Rolle Postfachserver.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Make the mailbox from the template and store the message in it.</source>
        <translation>Das Postfach aus der Vorlage erstellen und die Nachricht darin speichern.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Create mailbox and store&lt;/b&gt;: the mailbox is created from the mailbox template and the message stored, so an Archive never refuses or bounces mail for a local domain. Mailboxes are made only for mail from trusted or authenticated clients; an outsider&apos;s mail goes to the catch-all mailbox.&lt;/p&gt;&lt;p&gt;The Archive role&apos;s choice.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Postfach erstellen und Nachricht speichern&lt;/b&gt;: Das Postfach wird aus der Postfachvorlage erstellt und die Nachricht gespeichert; so lehnt ein Archivserver E-Mails für eine lokale Domäne nie ab und sendet sie nie zurück. Postfächer werden nur für E-Mails von vertrauenswürdigen oder angemeldeten Clients erstellt; E-Mails von Fremden gehen in das Sammelpostfach.&lt;/p&gt;&lt;p&gt;Die Wahl der Rolle Archivserver.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Store mail for unknown local addresses in one catch-all mailbox.</source>
        <translation>E-Mails an unbekannte lokale Adressen in einem Sammelpostfach speichern.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Forward to mailbox&lt;/b&gt;: mail for a local address without a mailbox is stored in the mailbox named here (for example postmaster), where someone reads it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;An Postfach weiterleiten&lt;/b&gt;: E-Mails an eine lokale Adresse ohne Postfach werden im hier genannten Postfach gespeichert (zum Beispiel postmaster), wo jemand sie liest.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The catch-all mailbox, such as postmaster.</source>
        <translation>Das Sammelpostfach, etwa postmaster.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The mailbox, in the recipient&apos;s local domain, that takes mail for unknown local addresses when &lt;i&gt;Forward to mailbox&lt;/i&gt; is chosen, and an outsider&apos;s mail on an Archive that creates mailboxes.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Das Postfach in der lokalen Domäne des Empfängers, das E-Mails an unbekannte lokale Adressen aufnimmt, wenn &lt;i&gt;An Postfach weiterleiten&lt;/i&gt; gewählt ist, und auf einem Archivserver, der Postfächer erstellt, die E-Mails von Fremden.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Default archive settings (the template for mailboxes)</source>
        <translation>Standard-Archiveinstellungen (die Vorlage für Postfächer)</translation>
    </message>
    <message>
        <source>Mailboxes follow these settings unless their own Archive tab (Mailboxes dialog) says otherwise. A message&apos;s age counts from when it was filed here, and nothing on legal hold expires. A Mailbox answers mail for a full mailbox with 452 4.2.2 (the sender retries); an Archive never refuses it, and raises an alarm instead.</source>
        <translation>Postfächer folgen diesen Einstellungen, sofern ihre eigene Registerkarte Archiv (Dialog Postfächer) nichts anderes sagt. Das Alter einer Nachricht zählt ab ihrer Ablage hier, und nichts unter Aufbewahrungssperre läuft ab. Ein Postfachserver beantwortet E-Mail für ein volles Postfach mit 452 4.2.2 (der Absender versucht es erneut); ein Archivserver weist sie nie ab und meldet stattdessen einen Alarm.</translation>
    </message>
</context>
<context>
    <name>tandem::ui::LogModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Queue id</source>
        <translation>Warteschlangen-ID</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
</context>
<context>
    <name>tandem::ui::LogWindow</name>
    <message>
        <source>Record SMTP transcripts</source>
        <translation>SMTP-Mitschnitte aufzeichnen</translation>
    </message>
    <message>
        <source>Debug and above</source>
        <translation>Debug und höher</translation>
    </message>
    <message>
        <source>Information and above</source>
        <translation>Information und höher</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>Queue id</source>
        <translation>Warteschlangen-ID</translation>
    </message>
    <message>
        <source>Log every command and reply of every SMTP session (passwords are masked). Double-click a line to see its session.</source>
        <translation>Jeden Befehl und jede Antwort jeder SMTP-Sitzung protokollieren (Kennwörter werden maskiert). Doppelklicken Sie auf eine Zeile, um die zugehörige Sitzung anzuzeigen.</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>An&amp;zeigen:</translation>
    </message>
    <message>
        <source>&amp;Queue id:</source>
        <translation>&amp;Warteschlangen-ID:</translation>
    </message>
    <message>
        <source>Back to all events</source>
        <translation>Zurück zu allen Ereignissen</translation>
    </message>
    <message>
        <source>Session %1 — every event and, when recorded, its transcript</source>
        <translation>Sitzung %1 – alle Ereignisse und, falls aufgezeichnet, der Mitschnitt</translation>
    </message>
</context>
<context>
    <name>tandem::ui::MailboxesDialog</name>
    <message>
        <source>Mailboxes</source>
        <translation>Postfächer</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kennwort</translation>
    </message>
    <message>
        <source>alice or alice@other.example</source>
        <translation>alice oder alice@other.example</translation>
    </message>
    <message>
        <source>&amp;Add User</source>
        <translation>Benutzer &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Set Password</source>
        <translation>&amp;Kennwort festlegen</translation>
    </message>
    <message>
        <source>&amp;Remove User</source>
        <translation>Benutzer &amp;entfernen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Kenn&amp;wort:</translation>
    </message>
    <message>
        <source>Select a user to set a new password or remove them. A user without a password has a mailbox but cannot log in.</source>
        <translation>Wählen Sie einen Benutzer aus, um ein neues Kennwort festzulegen oder ihn zu entfernen. Ein Benutzer ohne Kennwort hat ein Postfach, kann sich aber nicht anmelden.</translation>
    </message>
    <message>
        <source>Mailboxes on disk</source>
        <translation>Postfächer auf dem Datenträger</translation>
    </message>
    <message>
        <source>No mailbox has been created yet.</source>
        <translation>Es wurde noch kein Postfach erstellt.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nicht festgelegt</translation>
    </message>
    <message>
        <source>set</source>
        <translation>festgelegt</translation>
    </message>
    <message>
        <source>Select the user first.</source>
        <translation>Wählen Sie zuerst den Benutzer aus.</translation>
    </message>
    <message>
        <source>Type the new password first.</source>
        <translation>Geben Sie zuerst das neue Kennwort ein.</translation>
    </message>
    <message>
        <source>Reading the data folder…</source>
        <translation>Datenordner wird gelesen …</translation>
    </message>
    <message>
        <source>postmaster@ of every local domain, and the mail system&apos;s notices to the postmaster</source>
        <translation>postmaster@ jeder lokalen Domäne und die Meldungen des Mailsystems an den Postmaster</translation>
    </message>
    <message>
        <source>Mail to p&amp;ostmaster goes to:</source>
        <translation>E-Mails an &amp;postmaster gehen an:</translation>
    </message>
    <message>
        <source>The users of the local domains; select one to change it.</source>
        <translation>Die Benutzer der lokalen Domänen; wählen Sie einen aus, um ihn zu ändern.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The users who receive mail here and, with a password, log in to send it. A user&apos;s mailbox is made when mail is first stored for it. Select one to set a new password or remove it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Benutzer, die hier E-Mails empfangen und sich mit einem Passwort zum Senden anmelden. Das Postfach eines Benutzers wird erstellt, wenn zum ersten Mal eine E-Mail dafür gespeichert wird. Wählen Sie einen aus, um ein neues Passwort zu setzen oder ihn zu entfernen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>alice (primary domain) or alice@other.example.</source>
        <translation>alice (Hauptdomäne) oder alice@other.example.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The user&apos;s name: alice for the primary domain, or alice@other.example for another local domain. Letters of any script, digits and . _ + - are allowed; it is kept in lower case.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Name des Benutzers: alice für die Hauptdomäne oder alice@other.example für eine andere lokale Domäne. Erlaubt sind Buchstaben jeder Schrift, Ziffern und . _ + -; er wird in Kleinbuchstaben gespeichert.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The user&apos;s password for logging in; empty for none.</source>
        <translation>Das Anmeldepasswort des Benutzers; leer für keines.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The password the user logs in with to send mail. Only a salted hash (PBKDF2-SHA256) is written to the configuration file. A user without a password receives mail but cannot log in.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Das Passwort, mit dem sich der Benutzer zum Senden anmeldet. In die Konfigurationsdatei wird nur ein gesalzener Hash (PBKDF2-SHA256) geschrieben. Ein Benutzer ohne Passwort empfängt E-Mails, kann sich aber nicht anmelden.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The mailboxes in the data folder.</source>
        <translation>Die Postfächer im Datenordner.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The mailboxes that exist in the data folder, read by the engine. A mailbox is made when mail is first stored for it; removing a user keeps its mailbox.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Postfächer, die im Datenordner vorhanden sind, vom Dienst gelesen. Ein Postfach wird erstellt, wenn zum ersten Mal eine E-Mail dafür gespeichert wird; das Entfernen eines Benutzers behält sein Postfach.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Who reads mail to postmaster@ of every local domain (RFC 5321 requires that address), the mail system&apos;s notices to the postmaster and undeliverable mail with no sender to return it to. Choose a user to have it in that user&apos;s mailbox, or a mailbox of its own named postmaster, made when first needed. A user chosen here cannot be removed until another is chosen.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Wer E-Mails an postmaster@ jeder lokalen Domäne liest (RFC 5321 verlangt diese Adresse), die Meldungen des Mailsystems an den Postmaster und unzustellbare E-Mails ohne Absender, an den sie zurückgehen könnten. Wählen Sie einen Benutzer, um sie in dessen Postfach zu erhalten, oder ein eigenes Postfach namens postmaster, das bei Bedarf angelegt wird. Ein hier gewählter Benutzer kann erst entfernt werden, wenn ein anderer gewählt ist.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>A mailbox is created when mail is first stored for it. Double-click one to see its Archive tab.</source>
        <translation>Ein Postfach wird angelegt, wenn zum ersten Mal E-Mail dafür gespeichert wird. Doppelklicken Sie eines, um seine Registerkarte Archiv zu sehen.</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>&amp;Benutzer</translation>
    </message>
    <message>
        <source>Ar&amp;chive</source>
        <translation>&amp;Archiv</translation>
    </message>
    <message>
        <source>The mailbox whose archive settings, hold and figures are shown.</source>
        <translation>Das Postfach, dessen Archiveinstellungen, Sperre und Zahlen gezeigt werden.</translation>
    </message>
    <message>
        <source>&lt;p&gt;A mailbox of the data folder. Its archive settings below are saved with OK; a legal hold is recorded at once.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Ein Postfach des Datenordners. Seine Archiveinstellungen unten werden mit OK gespeichert; eine Aufbewahrungssperre wird sofort verzeichnet.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Mailbox:</source>
        <translation>&amp;Postfach:</translation>
    </message>
    <message>
        <source>Archive settings of this mailbox</source>
        <translation>Archiveinstellungen dieses Postfachs</translation>
    </message>
    <message>
        <source>Do &amp;not archive this mailbox</source>
        <translation>Dieses Postfach &amp;nicht archivieren</translation>
    </message>
    <message>
        <source>Use &amp;default archive settings</source>
        <translation>&amp;Standard-Archiveinstellungen verwenden</translation>
    </message>
    <message>
        <source>Archive using settings &amp;below</source>
        <translation>Mit den &amp;eigenen Einstellungen unten archivieren</translation>
    </message>
    <message>
        <source>Nothing of this mailbox is archived or expires.</source>
        <translation>Nichts aus diesem Postfach wird archiviert oder läuft ab.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The mailbox keeps all its mail in its live folders: nothing is archived, moved or expired. Its size cap is the default settings&apos;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Das Postfach behält alle Nachrichten in seinen aktiven Ordnern: Nichts wird archiviert, verschoben oder läuft ab. Seine Größengrenze ist die der Standardeinstellungen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Follow the default archive settings (Inbox Properties › Undelivered Mail).</source>
        <translation>Den Standard-Archiveinstellungen folgen (Posteingangseigenschaften › Unzustellbare Nachrichten).</translation>
    </message>
    <message>
        <source>&lt;p&gt;The mailbox follows the default archive settings, the template on the Undelivered Mail tab of Inbox Properties, including later changes to it. They are shown below.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Das Postfach folgt den Standard-Archiveinstellungen, der Vorlage auf der Registerkarte Unzustellbare Nachrichten der Posteingangseigenschaften, auch späteren Änderungen daran. Sie werden unten gezeigt.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>This mailbox has archive settings of its own, set below.</source>
        <translation>Dieses Postfach hat eigene Archiveinstellungen, unten festgelegt.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The settings below apply to this mailbox only, whatever the default settings say.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Einstellungen unten gelten nur für dieses Postfach, was auch immer die Standardeinstellungen sagen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Legal hold</source>
        <translation>Aufbewahrungssperre</translation>
    </message>
    <message>
        <source>Legal &amp;hold on this mailbox</source>
        <translation>Aufbewahrungssperre für dieses Postfac&amp;h</translation>
    </message>
    <message>
        <source>Hold the whole a&amp;rchive</source>
        <translation>Das ganze Archiv sper&amp;ren</translation>
    </message>
    <message>
        <source>While held, nothing of this mailbox expires or is deleted.</source>
        <translation>Solange gesperrt, läuft nichts aus diesem Postfach ab oder wird gelöscht.</translation>
    </message>
    <message>
        <source>&lt;p&gt;A legal hold keeps every message of the mailbox: nothing expires, and no path deletes it (expiry, the queue window, the command line, removing the mailbox). Setting or clearing it asks for the reason, and takes effect at once: the time, who and the reason are recorded in the mailbox&apos;s ledger.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Eine Aufbewahrungssperre behält jede Nachricht des Postfachs: Nichts läuft ab, und kein Weg löscht sie (Ablauf, das Warteschlangenfenster, die Befehlszeile, das Entfernen des Postfachs). Setzen oder Aufheben fragt nach dem Grund und wirkt sofort: Zeit, Person und Grund werden im Journal des Postfachs verzeichnet.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>While held, nothing in the whole archive expires or is deleted.</source>
        <translation>Solange gesperrt, läuft nichts im ganzen Archiv ab oder wird gelöscht.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The archive-wide hold: as a legal hold on every mailbox, those made later too. Setting or clearing it asks for the reason and is recorded at once in every mailbox&apos;s ledger.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Sperre des ganzen Archivs: wie eine Aufbewahrungssperre auf jedem Postfach, auch auf später angelegten. Setzen oder Aufheben fragt nach dem Grund und wird sofort im Journal jedes Postfachs verzeichnet.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>In the archive</source>
        <translation>Im Archiv</translation>
    </message>
    <message>
        <source>Archive n&amp;ow</source>
        <translation>Jetzt arch&amp;ivieren</translation>
    </message>
    <message>
        <source>&amp;Verify now</source>
        <translation>Jetzt &amp;verifizieren</translation>
    </message>
    <message>
        <source>A maintenance run of this mailbox now, by the running engine.</source>
        <translation>Jetzt ein Wartungslauf für dieses Postfach, durch den laufenden Dienst.</translation>
    </message>
    <message>
        <source>Recompute this mailbox&apos;s stored messages&apos; hashes and its ledger now.</source>
        <translation>Die Hashwerte der gespeicherten Nachrichten dieses Postfachs und sein Journal jetzt neu berechnen.</translation>
    </message>
    <message>
        <source>Live:</source>
        <translation>Aktiv:</translation>
    </message>
    <message>
        <source>Archived:</source>
        <translation>Archiviert:</translation>
    </message>
    <message>
        <source>Expired:</source>
        <translation>Abgelaufen:</translation>
    </message>
    <message>
        <source>Last archiving run:</source>
        <translation>Letzte Archivierung:</translation>
    </message>
    <message>
        <source>Last verification:</source>
        <translation>Letzte Prüfung:</translation>
    </message>
    <message>
        <source>Archiving %1…</source>
        <translation>%1 wird archiviert…</translation>
    </message>
    <message>
        <source>The engine is not running: start it to archive now.</source>
        <translation>Der Dienst läuft nicht: Starten Sie ihn, um jetzt zu archivieren.</translation>
    </message>
    <message>
        <source>Verifying %1…</source>
        <translation>%1 wird geprüft…</translation>
    </message>
    <message>
        <source>The engine is not running: start it to verify now.</source>
        <translation>Der Dienst läuft nicht: Starten Sie ihn, um jetzt zu prüfen.</translation>
    </message>
    <message>
        <source>The archive is shown when the engine&apos;s host is at hand.</source>
        <translation>Das Archiv wird gezeigt, wenn der Host des Dienstes verfügbar ist.</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <source>The archive is not held as a whole.</source>
        <translation>Das Archiv ist nicht als Ganzes gesperrt.</translation>
    </message>
    <message>
        <source>Not held on its own; the archive-wide hold keeps it.</source>
        <translation>Nicht selbst gesperrt; die Sperre des ganzen Archivs behält es.</translation>
    </message>
    <message>
        <source>Not held.</source>
        <translation>Nicht gesperrt.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s), %1</source>
        <translation>
            <numerusform>%n Nachricht, %1</numerusform>
            <numerusform>%n Nachrichten, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n Nachricht</numerusform>
            <numerusform>%n Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, clean</source>
        <translation>%1, einwandfrei</translation>
    </message>
    <message>
        <source>%1, problem: %2</source>
        <translation>%1, Problem: %2</translation>
    </message>
    <message>
        <source>Set a legal hold</source>
        <translation>Aufbewahrungssperre setzen</translation>
    </message>
    <message>
        <source>Clear a legal hold</source>
        <translation>Aufbewahrungssperre aufheben</translation>
    </message>
    <message>
        <source>the whole archive</source>
        <translation>das ganze Archiv</translation>
    </message>
    <message>
        <source>Why is %1 put on legal hold? The reason is recorded in the ledger with the time and your name.</source>
        <translation>Warum wird %1 gesperrt? Der Grund wird mit der Zeit und Ihrem Namen im Journal verzeichnet.</translation>
    </message>
    <message>
        <source>Why is the legal hold on %1 cleared? Once cleared, its mail expires again by its settings. The reason is recorded in the ledger with the time and your name.</source>
        <translation>Warum wird die Sperre von %1 aufgehoben? Danach laufen seine Nachrichten wieder nach seinen Einstellungen ab. Der Grund wird mit der Zeit und Ihrem Namen im Journal verzeichnet.</translation>
    </message>
    <message>
        <source>For example: litigation 2026-17, requested by counsel</source>
        <translation>Zum Beispiel: Rechtsstreit 2026-17, auf Anforderung der Anwälte</translation>
    </message>
    <message>
        <source>Required: why the hold is set or cleared.</source>
        <translation>Pflichtangabe: warum die Sperre gesetzt oder aufgehoben wird.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The reason for setting or clearing the hold, recorded in the ledger with the time and who did it. It cannot be left empty.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Grund für das Setzen oder Aufheben der Sperre, im Journal mit der Zeit und der Person verzeichnet. Er darf nicht leer bleiben.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>In the store:</source>
        <translation>Im Speicher:</translation>
    </message>
    <message>
        <source>%1, compressed, in messages no other mailbox shares</source>
        <translation>%1, komprimiert, in Nachrichten, die kein anderes Postfach teilt</translation>
    </message>
</context>
<context>
    <name>tandem::ui::MainWindow</name>
    <message>
        <source>&amp;Properties…</source>
        <translation>&amp;Eigenschaften…</translation>
    </message>
    <message>
        <source>Tandem — %1</source>
        <translation>Tandem – %1</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>Empfangsbereit auf %1</translation>
    </message>
    <message>
        <source>Engine not started</source>
        <translation>Dienst nicht gestartet</translation>
    </message>
    <message numerus="yes">
        <source>Outbox: %n message(s)</source>
        <translation>
            <numerusform>Postausgang: %n Nachricht</numerusform>
            <numerusform>Postausgang: %n Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open configuration…</source>
        <translation>Konfiguration &amp;öffnen…</translation>
    </message>
    <message>
        <source>Run role &amp;wizard…</source>
        <translation>Rollen-&amp;Assistent ausführen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Engine</source>
        <translation>D&amp;ienst</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>An&amp;halten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Tandem</source>
        <translation>&amp;Info über Tandem</translation>
    </message>
    <message>
        <source>About Tandem</source>
        <translation>Info über Tandem</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tandem %1&lt;/h3&gt;&lt;p&gt;A mail server whose job is the archive passthrough: a Mailbox serves the users, an Archive keeps a copy of every message and sends mail to the Internet.&lt;/p&gt;&lt;p&gt;Configuration: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tandem %1&lt;/h3&gt;&lt;p&gt;Ein Mailserver für das Archiv-Passthrough: Ein Postfachserver bedient die Benutzer, ein Archivserver bewahrt eine Kopie jeder Nachricht auf und sendet E-Mails ins Internet.&lt;/p&gt;&lt;p&gt;Konfiguration: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Configuration not valid</source>
        <translation>Konfiguration ungültig</translation>
    </message>
    <message>
        <source>%1 has these problems:

%2</source>
        <translation>%1 weist folgende Probleme auf:

%2</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Incoming Mail</source>
        <translation>Eingehende E-Mails</translation>
    </message>
    <message>
        <source>Outgoing Mail</source>
        <translation>Ausgehende E-Mails</translation>
    </message>
    <message>
        <source>SMTP services</source>
        <translation>SMTP-Dienste</translation>
    </message>
    <message>
        <source>%1 port %2 (%3)</source>
        <translation>%1, Port %2 (%3)</translation>
    </message>
    <message>
        <source>Mailboxes</source>
        <translation>Postfächer</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Role: %1
Primary domain: %2
Other local domains: %3
Host name: %4
Data folder: %5</source>
        <translation>Rolle: %1
Primäre Domäne: %2
Weitere lokale Domänen: %3
Hostname: %4
Datenordner: %5</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Passthrough applies to: %1
Copy all mail to sender&apos;s Sent items: %2
Create mailbox if necessary: %3
Copy all mail for local domains to Outbox: %4
Copy all mail without Received: headers to Outbox: %5
Undelivered mail: %6</source>
        <translation>Passthrough gilt für: %1
Alle Nachrichten in „Gesendete Elemente“ des Absenders kopieren: %2
Postfach bei Bedarf erstellen: %3
Alle Nachrichten für lokale Domänen in den Postausgang kopieren: %4
Alle Nachrichten ohne Received:-Header in den Postausgang kopieren: %5
Unzustellbare Nachrichten: %6</translation>
    </message>
    <message>
        <source>all domains</source>
        <translation>alle Domänen</translation>
    </message>
    <message>
        <source>none (MX records)</source>
        <translation>keiner (MX-Einträge)</translation>
    </message>
    <message numerus="yes">
        <source>%n SMTP service(s). Choose one to see or change it.</source>
        <translation>
            <numerusform>%n SMTP-Dienst. Wählen Sie einen Dienst aus, um ihn anzuzeigen oder zu ändern.</numerusform>
            <numerusform>%n SMTP-Dienste. Wählen Sie einen Dienst aus, um ihn anzuzeigen oder zu ändern.</numerusform>
        </translation>
    </message>
    <message>
        <source>Address: %1, port %2, mode %3
Reject non-local senders claiming to be local: %4
Require authentication: %5
Allowed networks: %6</source>
        <translation>Adresse: %1, Port %2, Modus %3
Nicht lokale Absender ablehnen, die sich als lokal ausgeben: %4
Authentifizierung erforderlich: %5
Zugelassene Netzwerke: %6</translation>
    </message>
    <message>
        <source>Configuration not saved</source>
        <translation>Konfiguration nicht gespeichert</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Open configuration</source>
        <translation>Konfiguration öffnen</translation>
    </message>
    <message>
        <source>Tandem configuration (*.json);;All files (*)</source>
        <translation>Tandem-Konfiguration (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Wird ausgeführt</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Disk full: new mail refused (%1 MiB free, reserve %2 MiB)</source>
        <translation>Datenträger voll: neue Mail wird abgewiesen (%1 MiB frei, Reserve %2 MiB)</translation>
    </message>
    <message>
        <source>Disk space low: %1 MiB free (reserve %2 MiB)</source>
        <translation>Wenig Speicherplatz: %1 MiB frei (Reserve %2 MiB)</translation>
    </message>
    <message>
        <source>a mailbox of its own, “postmaster”</source>
        <translation>ein eigenes Postfach „postmaster“</translation>
    </message>
    <message>
        <source>Settings not changed</source>
        <translation>Einstellungen nicht geändert</translation>
    </message>
    <message>
        <source>The running engine could not take the new settings, so nothing was changed: the configuration file and the engine keep the settings they had.</source>
        <translation>Der laufende Dienst konnte die neuen Einstellungen nicht übernehmen, daher wurde nichts geändert: Die Konfigurationsdatei und der Dienst behalten ihre bisherigen Einstellungen.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) waiting in the Outbox will not be sent, and no mail is received, until the console runs again.</source>
        <translation>
            <numerusform>%n Nachricht im Postausgang wird nicht gesendet, und es wird keine E-Mail empfangen, bis die Konsole wieder läuft.</numerusform>
            <numerusform>%n Nachrichten im Postausgang werden nicht gesendet, und es wird keine E-Mail empfangen, bis die Konsole wieder läuft.</numerusform>
        </translation>
    </message>
    <message>
        <source>No mail is received until the console runs again.</source>
        <translation>Bis die Konsole wieder läuft, wird keine E-Mail empfangen.</translation>
    </message>
    <message>
        <source>Mail waiting in the Outbox is not sent, and no mail is received, until the console runs again.</source>
        <translation>E-Mails im Postausgang werden nicht gesendet, und es wird keine E-Mail empfangen, bis die Konsole wieder läuft.</translation>
    </message>
    <message>
        <source>Stop the mail server?</source>
        <translation>Mailserver anhalten?</translation>
    </message>
    <message>
        <source>Closing the console stops the mail server.</source>
        <translation>Wenn Sie die Konsole schließen, wird der Mailserver angehalten.</translation>
    </message>
    <message>
        <source>To keep a server running without the console, run tandemd as a service (tandemd --config %1); the console then only edits its configuration.</source>
        <translation>Damit ein Server ohne die Konsole weiterläuft, führen Sie tandemd als Dienst aus (tandemd --config %1); die Konsole bearbeitet dann nur noch seine Konfiguration.</translation>
    </message>
    <message>
        <source>&amp;Stop and close</source>
        <translation>&amp;Anhalten und schließen</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird angehalten…</translation>
    </message>
    <message>
        <source>SmartHost: %1
Static routes: %2
Retry schedule (minutes): %3</source>
        <translation>SmartHost: %1
Statische Routen: %2
Wiederholungsplan (Minuten): %3</translation>
    </message>
    <message numerus="yes">
        <source>warn after %n hour(s)</source>
        <translation>
            <numerusform>Warnung nach %n Stunde</numerusform>
            <numerusform>Warnung nach %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>give up after %n hour(s)</source>
        <translation>
            <numerusform>Aufgabe nach %n Stunde</numerusform>
            <numerusform>Aufgabe nach %n Stunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Users: %1</source>
        <translation>Benutzer: %1</translation>
    </message>
    <message>
        <source>no delay notices</source>
        <translation>keine Verzögerungsberichte</translation>
    </message>
    <message>
        <source>Mail to postmaster goes to: %1</source>
        <translation>E-Mails an postmaster gehen an: %1</translation>
    </message>
    <message>
        <source>Run &amp;archive maintenance now</source>
        <translation>&amp;Archivpflege jetzt ausführen</translation>
    </message>
    <message>
        <source>Archive maintenance asked for…</source>
        <translation>Archivpflege angefordert…</translation>
    </message>
    <message>
        <source>Default archive settings: %1</source>
        <translation>Standard-Archiveinstellungen: %1</translation>
    </message>
    <message>
        <source>%1 of %2 MiB</source>
        <translation>%1 von %2 MiB</translation>
    </message>
    <message>
        <source>%1: %2, its mail is refused (452 4.2.2)</source>
        <translation>%1: %2, seine Mail wird abgewiesen (452 4.2.2)</translation>
    </message>
    <message>
        <source>%1: %2, still storing</source>
        <translation>%1: %2, wird weiter gespeichert</translation>
    </message>
    <message>
        <source>Mailbox full: %1</source>
        <translation>Postfach voll: %1</translation>
    </message>
    <message>
        <source>Mailbox over its size cap: %1</source>
        <translation>Postfach über seiner Größengrenze: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n mailbox(es) at their size cap</source>
        <translation>
            <numerusform>%n Postfach an seiner Größengrenze</numerusform>
            <numerusform>%n Postfächer an ihrer Größengrenze</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>E&amp;xtras</translation>
    </message>
    <message>
        <source>&amp;Search for Message…</source>
        <translation>Nachricht &amp;suchen…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
</context>
<context>
    <name>tandem::ui::OptionsDialog</name>
    <message>
        <source>A port number is 1-65535.</source>
        <translation>Eine Portnummer liegt zwischen 1 und 65535.</translation>
    </message>
    <message>
        <source>The configuration has other problems:
%1</source>
        <translation>Die Konfiguration weist weitere Probleme auf:
%1</translation>
    </message>
</context>
<context>
    <name>tandem::ui::OutgoingMailDialog</name>
    <message>
        <source>Opportunistic (STARTTLS when offered)</source>
        <translation>Opportunistisch (STARTTLS, falls angeboten)</translation>
    </message>
    <message>
        <source>Required (never send in clear)</source>
        <translation>Erforderlich (nie unverschlüsselt senden)</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Options | Outgoing Mail</source>
        <translation>Optionen | Ausgehende E-Mails</translation>
    </message>
    <message>
        <source>&amp;SmartHost</source>
        <translation>&amp;SmartHost</translation>
    </message>
    <message>
        <source>Static &amp;Routes</source>
        <translation>Statische &amp;Routen</translation>
    </message>
    <message>
        <source>Route %1: %2</source>
        <translation>Route %1: %2</translation>
    </message>
    <message>
        <source>Send all outgoing mail through this server (your ISP&apos;s, or the Archive machine) instead of delivering it by MX records. Leave the host empty to use MX records; static routes come first.</source>
        <translation>Alle ausgehenden E-Mails über diesen Server senden (den Ihres Internetanbieters oder den Archivserver), statt sie über MX-Einträge zuzustellen. Lassen Sie den Host leer, um MX-Einträge zu verwenden; statische Routen haben Vorrang.</translation>
    </message>
    <message>
        <source>smtp.isp.example</source>
        <translation>smtp.isp.example</translation>
    </message>
    <message>
        <source>Kept in the desktop keychain, never in the configuration file.</source>
        <translation>Wird im Schlüsselbund des Desktops gespeichert, nie in der Konfigurationsdatei.</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Kennwort:</translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation>&amp;TLS:</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>Domänen</translation>
    </message>
    <message>
        <source>Next hop</source>
        <translation>Nächster Hop</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>Hin&amp;zufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>Be&amp;arbeiten…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>Routes are tried from the top; the first whose domains match the recipient&apos;s is used (example.org, *.example.org, or * for every domain).</source>
        <translation>Die Routen werden von oben nach unten geprüft; verwendet wird die erste, deren Domänen zur Domäne des Empfängers passen (example.org, *.example.org oder * für alle Domänen).</translation>
    </message>
    <message>
        <source>1, 5, 15, 30, 60, 120</source>
        <translation>1, 5, 15, 30, 60, 120</translation>
    </message>
    <message>
        <source>Minutes between attempts; the last interval repeats.</source>
        <translation>Minuten zwischen den Versuchen; das letzte Intervall wird wiederholt.</translation>
    </message>
    <message>
        <source>&amp;Warn the sender after:</source>
        <translation>Absender warnen &amp;nach:</translation>
    </message>
    <message>
        <source>&amp;Give up after:</source>
        <translation>Auf&amp;geben nach:</translation>
    </message>
    <message>
        <source>A password needs the SmartHost it belongs to.</source>
        <translation>Für ein Kennwort muss der zugehörige SmartHost angegeben werden.</translation>
    </message>
    <message>
        <source>A password needs the user name it belongs to.</source>
        <translation>Für ein Kennwort muss der zugehörige Benutzername angegeben werden.</translation>
    </message>
    <message>
        <source>“%1” is not a number of minutes; write them as 1, 5, 15, 30.</source>
        <translation>„%1“ ist keine Minutenangabe; geben Sie die Minuten in der Form 1, 5, 15, 30 an.</translation>
    </message>
    <message>
        <source>The keychain did not take the password: %1</source>
        <translation>Der Schlüsselbund hat das Kennwort nicht übernommen: %1</translation>
    </message>
    <message>
        <source>Retr&amp;y</source>
        <translation>&amp;Wiederholung</translation>
    </message>
    <message>
        <source>Retry sc&amp;hedule:</source>
        <translation>Wiederholungs&amp;intervalle:</translation>
    </message>
    <message numerus="yes">
        <source> hour(s)</source>
        <translation>
            <numerusform> Stunde</numerusform>
            <numerusform> Stunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Send mail through this server instead of by MX records; empty for MX.</source>
        <translation>E-Mails über diesen Server statt über MX-Einträge senden; leer für MX.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The SmartHost: every message no static route takes is handed to this server (your provider&apos;s relay, or on a Mailbox the Archive machine) instead of being delivered by the recipient domain&apos;s MX records. Leave it empty to use MX records.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der SmartHost: Jede Nachricht, die keine statische Route übernimmt, wird diesem Server übergeben (dem Relay Ihres Providers oder auf einem Postfachserver dem Archivserver), statt über die MX-Einträge der Empfängerdomäne zugestellt zu werden. Lassen Sie das Feld leer, um MX-Einträge zu verwenden.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The SmartHost&apos;s port: 25, or 587 for a provider&apos;s submission service.</source>
        <translation>Der Port des SmartHosts: 25, oder 587 für den Submission-Dienst eines Providers.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The port the SmartHost takes mail on: 25 between servers, 587 for a provider&apos;s submission service (usually with a login).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Port, an dem der SmartHost E-Mails annimmt: 25 zwischen Servern, 587 für den Submission-Dienst eines Providers (meist mit Anmeldung).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Log in to the SmartHost as this user; empty for no login.</source>
        <translation>Beim SmartHost als dieser Benutzer anmelden; leer für keine Anmeldung.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The user name for AUTH at the SmartHost; empty for no login. The password goes with it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Benutzername für AUTH beim SmartHost; leer für keine Anmeldung. Das Passwort gehört dazu.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The SmartHost password; kept in the desktop keychain.</source>
        <translation>Das SmartHost-Passwort; wird im Schlüsselbund des Desktops gespeichert.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The password for the user above. It is stored in the desktop keychain, never in the configuration file (tandemd reads it from its secrets file, under [host]:port).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Das Passwort für den Benutzer oben. Es wird im Schlüsselbund des Desktops gespeichert, nie in der Konfigurationsdatei (tandemd liest es aus seiner Geheimnisdatei, unter [host]:port).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Whether mail to the SmartHost must travel encrypted.</source>
        <translation>Ob E-Mails an den SmartHost verschlüsselt übertragen werden müssen.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Opportunistic&lt;/b&gt;: STARTTLS when the SmartHost offers it (a failed handshake falls back to clear text for an hour). &lt;b&gt;Required&lt;/b&gt;: never send in clear — without TLS the mail waits (4.7.x) and is retried. &lt;b&gt;Off&lt;/b&gt;: never TLS.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Opportunistisch&lt;/b&gt;: STARTTLS, wenn der SmartHost es anbietet (nach einem fehlgeschlagenen Handshake eine Stunde lang unverschlüsselt). &lt;b&gt;Erforderlich&lt;/b&gt;: nie unverschlüsselt senden – ohne TLS wartet die E-Mail (4.7.x) und wird erneut versucht. &lt;b&gt;Aus&lt;/b&gt;: nie TLS.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Routes tried from the top; double-click one to edit it.</source>
        <translation>Routen werden von oben probiert; Doppelklick auf eine bearbeitet sie.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Static routes: mail for a recipient whose domain matches a route goes to that route&apos;s next hop instead of the SmartHost or the MX records. Routes are tried from the top, and the first that matches wins; move them with &lt;i&gt;Move Up&lt;/i&gt; and &lt;i&gt;Move Down&lt;/i&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Statische Routen: E-Mails an einen Empfänger, dessen Domäne zu einer Route passt, gehen an den nächsten Hop dieser Route statt an den SmartHost oder über die MX-Einträge. Routen werden von oben probiert, die erste passende gilt; verschieben Sie sie mit &lt;i&gt;Nach oben&lt;/i&gt; und &lt;i&gt;Nach unten&lt;/i&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Minutes between attempts, such as 1, 5, 15, 30; the last repeats.</source>
        <translation>Minuten zwischen den Versuchen, etwa 1, 5, 15, 30; der letzte Wert wiederholt sich.</translation>
    </message>
    <message>
        <source>&lt;p&gt;How long a deferred message waits before each next attempt, in minutes, comma-separated; after the last interval, it repeats. Retry now in the queue window tries at once.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Wie lange eine zurückgestellte Nachricht vor jedem weiteren Versuch wartet, in Minuten, durch Kommas getrennt; nach dem letzten Intervall wiederholt sich dieses. „Jetzt wiederholen“ im Warteschlangenfenster versucht es sofort.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Tell the sender that the message is delayed after this long.</source>
        <translation>Dem Absender nach dieser Zeit mitteilen, dass sich die Nachricht verzögert.</translation>
    </message>
    <message>
        <source>&lt;p&gt;A delay notice (RFC 3464) goes to the sender once a message has waited this long, if the sender did not ask for none; &lt;i&gt;Never&lt;/i&gt; (0) sends none.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Ein Verzögerungsbericht (RFC 3464) geht an den Absender, sobald eine Nachricht so lange gewartet hat, sofern der Absender keinen abbestellt hat; &lt;i&gt;Nie&lt;/i&gt; (0) sendet keinen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Return the message to its sender after this long.</source>
        <translation>Die Nachricht nach dieser Zeit an ihren Absender zurücksenden.</translation>
    </message>
    <message>
        <source>&lt;p&gt;After this long a message still not delivered is returned to its sender with a failure notice (5.4.7), and its entry leaves the Outbox.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Nach dieser Zeit wird eine noch nicht zugestellte Nachricht mit einem Unzustellbarkeitsbericht (5.4.7) an ihren Absender zurückgesandt, und ihr Eintrag verlässt den Postausgang.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>tandem::ui::QueueModel</name>
    <message>
        <source>queued</source>
        <translation>in Warteschlange</translation>
    </message>
    <message>
        <source>delivering</source>
        <translation>wird zugestellt</translation>
    </message>
    <message>
        <source>deferred</source>
        <translation>zurückgestellt</translation>
    </message>
    <message>
        <source>held</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Absender</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Next hop</source>
        <translation>Nächster Hop</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Nächster Versuch</translation>
    </message>
    <message>
        <source>Last reply</source>
        <translation>Letzte Antwort</translation>
    </message>
    <message>
        <source>Recipients: %1</source>
        <translation>Empfänger: %1</translation>
    </message>
    <message>
        <source>Last reply: %1</source>
        <translation>Letzte Antwort: %1</translation>
    </message>
    <message>
        <source>Attempts:</source>
        <translation>Versuche:</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Not attempted yet</source>
        <translation>Noch nicht versucht</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Betreff: %1</translation>
    </message>
</context>
<context>
    <name>tandem::ui::QueueWindow</name>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>&amp;Retry now</source>
        <translation>&amp;Jetzt wiederholen</translation>
    </message>
    <message>
        <source>Try the selected entries again now</source>
        <translation>Die ausgewählten Einträge jetzt erneut zustellen</translation>
    </message>
    <message>
        <source>&amp;Hold</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Keep the selected entries until they are released</source>
        <translation>Die ausgewählten Einträge zurückhalten, bis sie freigegeben werden</translation>
    </message>
    <message>
        <source>Re&amp;lease</source>
        <translation>&amp;Freigeben</translation>
    </message>
    <message>
        <source>Let held entries be delivered again</source>
        <translation>Angehaltene Einträge wieder zur Zustellung freigeben</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Drop the selected entries without telling the sender</source>
        <translation>Die ausgewählten Einträge verwerfen, ohne den Absender zu benachrichtigen</translation>
    </message>
    <message>
        <source>Return to &amp;sender</source>
        <translation>An Absender &amp;zurücksenden</translation>
    </message>
    <message>
        <source>Send the selected entries back to their senders with a failure notice</source>
        <translation>Die ausgewählten Einträge mit einer Unzustellbarkeitsnachricht an ihre Absender zurücksenden</translation>
    </message>
    <message>
        <source>Show only the entries in this state</source>
        <translation>Nur Einträge mit diesem Status anzeigen</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Delete entries</source>
        <translation>Einträge löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n entries from the Outbox? Their recipients will not get the message, and the sender is not told.</source>
        <translation>
            <numerusform>%n Eintrag aus dem Postausgang löschen? Die Empfänger erhalten die Nachricht nicht, und der Absender wird nicht benachrichtigt.</numerusform>
            <numerusform>%n Einträge aus dem Postausgang löschen? Die Empfänger erhalten die Nachricht nicht, und die Absender werden nicht benachrichtigt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Return to sender</source>
        <translation>An Absender zurücksenden</translation>
    </message>
    <message numerus="yes">
        <source>Return %n entries to their senders? Each sender gets a failure notice, and the entries leave the Outbox.</source>
        <translation>
            <numerusform>%n Eintrag an den Absender zurücksenden? Der Absender erhält eine Unzustellbarkeitsnachricht, und der Eintrag wird aus dem Postausgang entfernt.</numerusform>
            <numerusform>%n Einträge an ihre Absender zurücksenden? Jeder Absender erhält eine Unzustellbarkeitsnachricht, und die Einträge werden aus dem Postausgang entfernt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries changed</source>
        <translation>
            <numerusform>%n Eintrag geändert</numerusform>
            <numerusform>%n Einträge geändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries changed, %1 not found</source>
        <translation>
            <numerusform>%n Eintrag geändert, %1 nicht gefunden</numerusform>
            <numerusform>%n Einträge geändert, %1 nicht gefunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries, %1 held, %2 shown</source>
        <translation>
            <numerusform>%n Eintrag, %1 angehalten, %2 angezeigt</numerusform>
            <numerusform>%n Einträge, %1 angehalten, %2 angezeigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries, %1 held</source>
        <translation>
            <numerusform>%n Eintrag, %1 angehalten</numerusform>
            <numerusform>%n Einträge, %1 angehalten</numerusform>
        </translation>
    </message>
    <message>
        <source>De&amp;tails…</source>
        <translation>De&amp;tails…</translation>
    </message>
    <message>
        <source>The envelope, every recipient&apos;s state, the attempts and the message&apos;s headers (or double-click the entry)</source>
        <translation>Der Umschlag, der Stand jedes Empfängers, die Versuche und die Kopfzeilen der Nachricht (oder Doppelklick auf den Eintrag)</translation>
    </message>
    <message>
        <source>Filter: id, sender, recipient, subject, next hop, reply</source>
        <translation>Filter: ID, Absender, Empfänger, Betreff, nächster Hop, Antwort</translation>
    </message>
    <message numerus="yes">
        <source>%n kept: legal hold</source>
        <translation>
            <numerusform>%n behalten: Aufbewahrungssperre</numerusform>
            <numerusform>%n behalten: Aufbewahrungssperre</numerusform>
        </translation>
    </message>
    <message>
        <source>Legal hold</source>
        <translation>Aufbewahrungssperre</translation>
    </message>
    <message>
        <source>These entries were kept, because a mailbox they concern is on legal hold:

%1</source>
        <translation>Diese Einträge wurden behalten, weil ein betroffenes Postfach einer Aufbewahrungssperre unterliegt:

%1</translation>
    </message>
</context>
<context>
    <name>tandem::ui::RoleWizard</name>
    <message>
        <source>Tandem Role Wizard</source>
        <translation>Tandem-Rollen-Assistent</translation>
    </message>
    <message>
        <source>Passphrase not kept</source>
        <translation>Passphrase nicht gespeichert</translation>
    </message>
    <message>
        <source>The keychain did not take the key&apos;s passphrase: %1</source>
        <translation>Der Schlüsselbund hat die Passphrase des Schlüssels nicht übernommen: %1</translation>
    </message>
</context>
<context>
    <name>tandem::ui::RouteDialog</name>
    <message>
        <source>Add Static Route</source>
        <translation>Statische Route hinzufügen</translation>
    </message>
    <message>
        <source>Edit Static Route</source>
        <translation>Statische Route bearbeiten</translation>
    </message>
    <message>
        <source>example.org, *.example.org or *</source>
        <translation>example.org, *.example.org oder *</translation>
    </message>
    <message>
        <source>archive.example.com or 192.168.1.20</source>
        <translation>archive.example.com oder 192.168.1.20</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>&amp;Domains:</source>
        <translation>&amp;Domänen:</translation>
    </message>
    <message>
        <source>Next &amp;hop:</source>
        <translation>Nächster &amp;Hop:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation>&amp;TLS:</translation>
    </message>
    <message>
        <source>Mail for these domains goes to this host instead of the domain&apos;s MX. The first route that matches is used.</source>
        <translation>E-Mails für diese Domänen werden an diesen Host statt an den MX-Eintrag der Domäne gesendet. Verwendet wird die erste passende Route.</translation>
    </message>
    <message>
        <source>The recipient domains this route takes: example.org, *.example.org or *.</source>
        <translation>Die Empfängerdomänen dieser Route: example.org, *.example.org oder *.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Comma-separated patterns matched against each recipient&apos;s domain: example.org (that domain), *.example.org (its subdomains only) or * (every domain). The first route that matches wins; then the SmartHost, then the domain&apos;s MX records.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Durch Kommas getrennte Muster, die mit der Domäne jedes Empfängers verglichen werden: example.org (diese Domäne), *.example.org (nur ihre Subdomänen) oder * (jede Domäne). Die erste passende Route gilt; dann der SmartHost, dann die MX-Einträge der Domäne.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The server mail for these domains is handed to.</source>
        <translation>Der Server, dem E-Mails für diese Domänen übergeben werden.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The next hop for mail of these domains, by name or address — on a Mailbox, the Archive machine (route *); on an Archive without DNS, the Mailbox machine for the local domain.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der nächste Hop für E-Mails dieser Domänen, als Name oder Adresse – auf einem Postfachserver der Archivserver (Route *); auf einem Archivserver ohne DNS der Postfachserver für die lokale Domäne.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The next hop&apos;s SMTP port, usually 25.</source>
        <translation>Der SMTP-Port des nächsten Hops, meist 25.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The port the next hop takes mail on: 25 between servers, 587 for a provider&apos;s submission service.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Port, an dem der nächste Hop E-Mails annimmt: 25 zwischen Servern, 587 für den Submission-Dienst eines Providers.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Log in to the next hop as this user; empty for no login.</source>
        <translation>Beim nächsten Hop als dieser Benutzer anmelden; leer für keine Anmeldung.</translation>
    </message>
    <message>
        <source>&lt;p&gt;A user name to authenticate to the next hop with (AUTH); its password is kept in the desktop keychain under [host]:port, never in the configuration file. Empty: no login.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Ein Benutzername für die Anmeldung beim nächsten Hop (AUTH); sein Passwort liegt im Schlüsselbund des Desktops unter [host]:port, nie in der Konfigurationsdatei. Leer: keine Anmeldung.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Whether mail to this next hop must travel encrypted.</source>
        <translation>Ob E-Mails an diesen nächsten Hop verschlüsselt übertragen werden müssen.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Opportunistic&lt;/b&gt;: STARTTLS when the next hop offers it (a failed handshake falls back to clear text for an hour). &lt;b&gt;Required&lt;/b&gt;: never send in clear — without TLS the mail waits (4.7.x) and is retried. &lt;b&gt;Off&lt;/b&gt;: never TLS.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Opportunistisch&lt;/b&gt;: STARTTLS, wenn der nächste Hop es anbietet (nach einem fehlgeschlagenen Handshake eine Stunde lang unverschlüsselt). &lt;b&gt;Erforderlich&lt;/b&gt;: nie unverschlüsselt senden – ohne TLS wartet die E-Mail (4.7.x) und wird erneut versucht. &lt;b&gt;Aus&lt;/b&gt;: nie TLS.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>tandem::ui::SearchModel</name>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>Dated %1, filed %2</source>
        <translation>Datiert %1, abgelegt %2</translation>
    </message>
    <message>
        <source>No date in the message; filed %1</source>
        <translation>Kein Datum in der Nachricht; abgelegt %1</translation>
    </message>
    <message>
        <source>Envelope sender: %1</source>
        <translation>Umschlag-Absender: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s)</source>
        <translation>
            <numerusform>%n Anhang</numerusform>
            <numerusform>%n Anhänge</numerusform>
        </translation>
    </message>
    <message>
        <source>%L1 bytes</source>
        <translation>%L1 Byte</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Postfach</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>The message&apos;s Date:, or when the copy was filed when it has none. Click to sort.</source>
        <translation>Das Date: der Nachricht, oder wann die Kopie abgelegt wurde, wenn sie keines hat. Zum Sortieren klicken.</translation>
    </message>
    <message>
        <source>The From: of the message. Click to sort by its address.</source>
        <translation>Das From: der Nachricht. Zum Sortieren nach seiner Adresse klicken.</translation>
    </message>
    <message>
        <source>The size of the message as received. Click to sort.</source>
        <translation>Die Größe der Nachricht, wie sie empfangen wurde. Zum Sortieren klicken.</translation>
    </message>
    <message>
        <source>The envelope recipient this copy was delivered to (its Delivered-To:): a Bcc recipient too.</source>
        <translation>Der Umschlag-Empfänger, dem diese Kopie zugestellt wurde (ihr Delivered-To:): auch ein Bcc-Empfänger.</translation>
    </message>
    <message>
        <source>Live: in the mailbox. Archived: moved into the archive store. Expired: past its retention.</source>
        <translation>Aktiv: im Postfach. Archiviert: in den Archivspeicher verschoben. Abgelaufen: über seine Aufbewahrungsfrist hinaus.</translation>
    </message>
</context>
<context>
    <name>tandem::ui::SearchWindow</name>
    <message>
        <source>Copy cancelled: %1 of %2 messages copied to %3.</source>
        <translation>Kopieren abgebrochen: %1 von %2 Nachrichten nach %3 kopiert.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) copied to %1.</source>
        <translation>
            <numerusform>%n Nachricht nach %1 kopiert.</numerusform>
            <numerusform>%n Nachrichten nach %1 kopiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 messages copied to %3; these were not:</source>
        <translation>%1 von %2 Nachrichten nach %3 kopiert; diese nicht:</translation>
    </message>
    <message>
        <source>Copy to mailbox</source>
        <translation>In Postfach kopieren</translation>
    </message>
    <message>
        <source>The archived originals stay where they were. The new copies are live mail of the mailbox, and found by a search.</source>
        <translation>Die archivierten Originale bleiben, wo sie waren. Die neuen Kopien sind aktive Post des Postfachs und werden von einer Suche gefunden.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>Der Export ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 exported before it failed.</source>
        <translation>%1 vor dem Fehler exportiert.</translation>
    </message>
    <message>
        <source>Export cancelled: %1 of %2 messages exported.</source>
        <translation>Export abgebrochen: %1 von %2 Nachrichten exportiert.</translation>
    </message>
    <message>
        <source>%1 exported, %2 skipped.</source>
        <translation>%1 exportiert, %2 übersprungen.</translation>
    </message>
    <message>
        <source>Each export is recorded in the ledger of the message&apos;s mailbox.</source>
        <translation>Jeder Export wird im Journal des Postfachs der Nachricht verzeichnet.</translation>
    </message>
    <message>
        <source>Skipped:</source>
        <translation>Übersprungen:</translation>
    </message>
    <message>
        <source>Search for Message</source>
        <translation>Nachricht suchen</translation>
    </message>
    <message>
        <source>&amp;Copy to mailbox…</source>
        <translation>In Postfach &amp;kopieren…</translation>
    </message>
    <message>
        <source>A new copy of the chosen messages in a mailbox&apos;s INBOX or Restored folder; the archived originals stay</source>
        <translation>Eine neue Kopie der gewählten Nachrichten in der INBOX oder im Ordner Restored eines Postfachs; die archivierten Originale bleiben</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>The chosen messages, or all found, as .eml files, one mbox or one zip file</source>
        <translation>Die gewählten oder alle gefundenen Nachrichten als .eml-Dateien, eine mbox- oder eine zip-Datei</translation>
    </message>
    <message>
        <source>&amp;Query:</source>
        <translation>Ab&amp;frage:</translation>
    </message>
    <message>
        <source>Words, &quot;a phrase&quot;, from: to: subject: body: attachment: mailbox: folder: date: has:attachment is:archived larger:5M, OR, NOT …</source>
        <translation>Wörter, &quot;eine Wortfolge&quot;, from: to: subject: body: attachment: mailbox: folder: date: has:attachment is:archived larger:5M, OR, NOT …</translation>
    </message>
    <message>
        <source>&lt;p&gt;Words side by side must all match; &lt;b&gt;OR&lt;/b&gt; lets either, &lt;b&gt;NOT&lt;/b&gt; or &lt;b&gt;-&lt;/b&gt; excludes, parentheses group.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;from:carol&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;From:, Sender: or the envelope sender&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;to:bob&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;To:, Cc:, Bcc: or the copy&apos;s envelope recipient&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;subject:&lt;/tt&gt; &lt;tt&gt;body:&lt;/tt&gt; &lt;tt&gt;attachment:&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;the subject, the text, an attachment&apos;s name&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;mailbox:alice&lt;/tt&gt; &lt;tt&gt;folder:Sent&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;where the copy is&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;date:2026-01..2026-03&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;dated in the range&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;has:attachment&lt;/tt&gt; &lt;tt&gt;larger:5M&lt;/tt&gt; &lt;tt&gt;smaller:100K&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;attachments, size&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;is:live&lt;/tt&gt; &lt;tt&gt;is:archived&lt;/tt&gt; &lt;tt&gt;is:expired&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;the copy&apos;s state (expired ones only when asked for)&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;p&gt;Nebeneinander stehende Wörter müssen alle passen; &lt;b&gt;OR&lt;/b&gt; lässt eines von beiden zu, &lt;b&gt;NOT&lt;/b&gt; oder &lt;b&gt;-&lt;/b&gt; schließt aus, Klammern gruppieren.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;from:carol&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;From:, Sender: oder der Umschlag-Absender&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;to:bob&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;To:, Cc:, Bcc: oder der Umschlag-Empfänger der Kopie&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;subject:&lt;/tt&gt; &lt;tt&gt;body:&lt;/tt&gt; &lt;tt&gt;attachment:&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;der Betreff, der Text, der Name eines Anhangs&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;mailbox:alice&lt;/tt&gt; &lt;tt&gt;folder:Sent&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;wo die Kopie liegt&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;date:2026-01..2026-03&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;im Zeitraum datiert&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;has:attachment&lt;/tt&gt; &lt;tt&gt;larger:5M&lt;/tt&gt; &lt;tt&gt;smaller:100K&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;Anhänge, Größe&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;is:live&lt;/tt&gt; &lt;tt&gt;is:archived&lt;/tt&gt; &lt;tt&gt;is:expired&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;der Status der Kopie (abgelaufene nur, wenn danach gefragt wird)&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>&amp;Dated from</source>
        <translation>Datiert &amp;vom</translation>
    </message>
    <message>
        <source>Only messages dated in this range (both days included)</source>
        <translation>Nur Nachrichten, die in diesem Zeitraum datiert sind (beide Tage eingeschlossen)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>&amp;Mailbox:</source>
        <translation>&amp;Postfach:</translation>
    </message>
    <message>
        <source>All mailboxes</source>
        <translation>Alle Postfächer</translation>
    </message>
    <message>
        <source>Only the copies in this mailbox</source>
        <translation>Nur die Kopien in diesem Postfach</translation>
    </message>
    <message>
        <source>With &amp;attachments</source>
        <translation>Mit A&amp;nhängen</translation>
    </message>
    <message>
        <source>Live and archived</source>
        <translation>Aktiv und archiviert</translation>
    </message>
    <message>
        <source>Live only</source>
        <translation>Nur aktive</translation>
    </message>
    <message>
        <source>Archived only</source>
        <translation>Nur archivierte</translation>
    </message>
    <message>
        <source>Expired only</source>
        <translation>Nur abgelaufene</translation>
    </message>
    <message>
        <source>Live copies are in the mailbox, archived ones in the archive store only; expired ones are found only when asked for</source>
        <translation>Aktive Kopien liegen im Postfach, archivierte nur im Archivspeicher; abgelaufene werden nur gefunden, wenn danach gefragt wird</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>An:</translation>
    </message>
    <message>
        <source>Cc:</source>
        <translation>Cc:</translation>
    </message>
    <message>
        <source>Bcc:</source>
        <translation>Bcc:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Datum:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Betreff:</translation>
    </message>
    <message>
        <source>Message-ID:</source>
        <translation>Message-ID:</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Postfach</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>Abgelegt</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Kopfzeilen</translation>
    </message>
    <message>
        <source>This message has no text.</source>
        <translation>Diese Nachricht hat keinen Text.</translation>
    </message>
    <message>
        <source>Attachments (%1)</source>
        <translation>Anhänge (%1)</translation>
    </message>
    <message>
        <source>The query cannot be run: %1</source>
        <translation>Die Abfrage kann nicht ausgeführt werden: %1</translation>
    </message>
    <message>
        <source>No messages found</source>
        <translation>Keine Nachrichten gefunden</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <source>Counting… (%1 shown)</source>
        <translation>Zählen… (%1 angezeigt)</translation>
    </message>
    <message>
        <source>%1 chosen</source>
        <translation>%1 gewählt</translation>
    </message>
    <message>
        <source>Choose a message to see it here.</source>
        <translation>Wählen Sie eine Nachricht, um sie hier zu sehen.</translation>
    </message>
    <message>
        <source>The message cannot be shown: %1</source>
        <translation>Die Nachricht kann nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <source>none (filed %1)</source>
        <translation>keines (abgelegt %1)</translation>
    </message>
    <message>
        <source>The text goes on: only its first MiB is read here. An export holds all of the message.</source>
        <translation>Der Text geht weiter: Hier wird nur sein erstes MiB gelesen. Ein Export enthält die ganze Nachricht.</translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s) without a name</source>
        <translation>
            <numerusform>%n Anhang ohne Namen</numerusform>
            <numerusform>%n Anhänge ohne Namen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copying %n message(s) to %1…</source>
        <translation>
            <numerusform>%n Nachricht wird nach %1 kopiert…</numerusform>
            <numerusform>%n Nachrichten werden nach %1 kopiert…</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting the messages found…</source>
        <translation>Die gefundenen Nachrichten werden exportiert…</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n message(s)…</source>
        <translation>
            <numerusform>%n Nachricht wird exportiert…</numerusform>
            <numerusform>%n Nachrichten werden exportiert…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Finding the messages…</source>
        <translation>Die Nachrichten werden gesucht…</translation>
    </message>
    <message>
        <source>%1 of %2 messages…</source>
        <translation>%1 von %2 Nachrichten…</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more (see the details)</source>
        <translation>
            <numerusform>… und %n weitere (siehe Details)</numerusform>
            <numerusform>… und %n weitere (siehe Details)</numerusform>
        </translation>
    </message>
    <message>
        <source>The .eml files written before the cancel are in %1.</source>
        <translation>Die vor dem Abbruch geschriebenen .eml-Dateien liegen in %1.</translation>
    </message>
    <message>
        <source>No file was written.</source>
        <translation>Es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>Copies of this message (%1)</source>
        <translation>Kopien dieser Nachricht (%1)</translation>
    </message>
    <message>
        <source>Every mailbox and folder the message is in, and the envelope recipient each copy was delivered to</source>
        <translation>Jedes Postfach und jeder Ordner, in dem die Nachricht liegt, und der Umschlag-Empfänger, dem jede Kopie zugestellt wurde</translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) found</source>
        <translation>
            <numerusform>%Ln Nachricht gefunden</numerusform>
            <numerusform>%Ln Nachrichten gefunden</numerusform>
        </translation>
    </message>
    <message>
        <source>This copy expired and its message is no longer kept: what is shown is what the search index kept of it.</source>
        <translation>Diese Kopie ist abgelaufen, und ihre Nachricht wird nicht mehr aufbewahrt: Angezeigt wird, was der Suchindex von ihr behalten hat.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln copy(ies)</source>
        <translation>
            <numerusform>%Ln Kopie</numerusform>
            <numerusform>%Ln Kopien</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::ui::ServerDialog</name>
    <message>
        <source>Options | Server</source>
        <translation>Optionen | Server</translation>
    </message>
    <message>
        <source>example.com</source>
        <translation>example.com</translation>
    </message>
    <message>
        <source>other.example</source>
        <translation>other.example</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>Hin&amp;zufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>mail.example.com</source>
        <translation>mail.example.com</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Durch&amp;suchen…</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Postfachserver</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archivserver</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source>The role names the preset this configuration follows. Editing an option of the preset makes it Custom; File › Run role wizard… sets a role&apos;s options.</source>
        <translation>Die Rolle bezeichnet die Vorgabe, der diese Konfiguration folgt. Wird eine Option der Vorgabe geändert, wird die Rolle zu „Benutzerdefiniert“; Datei › Rollen-Assistent ausführen… legt die Optionen einer Rolle fest.</translation>
    </message>
    <message>
        <source>&amp;Primary domain:</source>
        <translation>&amp;Primäre Domäne:</translation>
    </message>
    <message>
        <source>&amp;Extra local domains:</source>
        <translation>&amp;Weitere lokale Domänen:</translation>
    </message>
    <message>
        <source>&amp;Host name:</source>
        <translation>&amp;Hostname:</translation>
    </message>
    <message>
        <source>&amp;Data folder:</source>
        <translation>&amp;Datenordner:</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Inbox Properties › Passthrough: %1</source>
        <translation>Eigenschaften des Posteingangs › Passthrough: %1</translation>
    </message>
    <message>
        <source>Mailboxes: %1</source>
        <translation>Postfächer: %1</translation>
    </message>
    <message>
        <source>“%1” is not a domain name such as other.example.</source>
        <translation>„%1“ ist kein Domänenname wie other.example.</translation>
    </message>
    <message>
        <source>“%1” is already a local domain.</source>
        <translation>„%1“ ist bereits eine lokale Domäne.</translation>
    </message>
    <message>
        <source>Data Folder</source>
        <translation>Datenordner</translation>
    </message>
    <message>
        <source>The organisation&apos;s mail domain, such as example.com.</source>
        <translation>Die E-Mail-Domäne der Organisation, etwa example.com.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The primary local domain: mail for it is stored here, and users named without a domain belong to it. A Mailbox and its Archive use the same primary domain.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die lokale Hauptdomäne: E-Mails dafür werden hier gespeichert, und Benutzer ohne Domänenangabe gehören zu ihr. Ein Postfachserver und sein Archivserver verwenden dieselbe Hauptdomäne.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Another domain this server takes mail for; then Add.</source>
        <translation>Eine weitere Domäne, für die dieser Server E-Mails annimmt; dann Hinzufügen.</translation>
    </message>
    <message>
        <source>&lt;p&gt;A further local domain to add to the list with &lt;i&gt;Add&lt;/i&gt;, in Unicode or ASCII form (bücher.example or xn--bcher-kva.example).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Eine weitere lokale Domäne, die mit &lt;i&gt;Hinzufügen&lt;/i&gt; in die Liste kommt, in Unicode- oder ASCII-Form (bücher.example oder xn--bcher-kva.example).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Further domains whose mail is local, like the primary domain&apos;s.</source>
        <translation>Weitere Domänen, deren E-Mails lokal sind wie die der Hauptdomäne.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Extra local domains: mail for them is stored here, like the primary domain&apos;s. A local address is one in the primary domain or one of these (compared without case, internationalized domains in their ASCII form).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Zusätzliche lokale Domänen: E-Mails dafür werden hier gespeichert wie die der Hauptdomäne. Eine lokale Adresse liegt in der Hauptdomäne oder einer dieser Domänen (ohne Beachtung der Groß- und Kleinschreibung verglichen, internationalisierte Domänen in ihrer ASCII-Form).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>This machine&apos;s name in the greeting, Received: headers and reports.</source>
        <translation>Der Name dieses Computers in der Begrüßung, in Received:-Headern und Berichten.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The host name in the SMTP greeting and EHLO reply, in Received: headers, in Maildir file names and as the reporting server of delivery notices. Use the name the machine&apos;s MX or A record has, such as mailbox.example.com; a self-signed certificate is made for it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Hostname in der SMTP-Begrüßung und der EHLO-Antwort, in Received:-Headern, in Maildir-Dateinamen und als berichtender Server von Zustellberichten. Verwenden Sie den Namen aus dem MX- oder A-Eintrag des Computers, etwa mailbox.example.com; ein selbstsigniertes Zertifikat wird für ihn erstellt.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The folder of the spool, the mailboxes and the log.</source>
        <translation>Der Ordner für Warteschlange, Postfächer und Protokoll.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The data folder: the durable queue, the Maildir++ mailboxes and the log, relative to the configuration file&apos;s folder unless absolute. The engine&apos;s user must be able to write it. It can only change while the engine is stopped.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Datenordner: die dauerhafte Warteschlange, die Maildir++-Postfächer und das Protokoll, relativ zum Ordner der Konfigurationsdatei, sofern nicht absolut. Der Benutzer des Dienstes muss hineinschreiben können. Er lässt sich nur ändern, während der Dienst angehalten ist.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The preset this configuration follows: Mailbox, Archive or Custom.</source>
        <translation>Die Vorgabe, der diese Konfiguration folgt: Postfachserver, Archivserver oder Benutzerdefiniert.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Mailbox&lt;/b&gt; serves the users and copies every message to the Archive; &lt;b&gt;Archive&lt;/b&gt; files a copy of everything, creates mailboxes and Sent copies and relays outgoing mail. A role is only a preset: changing one of its options makes the configuration &lt;b&gt;Custom&lt;/b&gt;. File › Run role wizard… sets all of a role&apos;s options.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Postfachserver&lt;/b&gt; bedient die Benutzer und kopiert jede Nachricht zum Archivserver; &lt;b&gt;Archivserver&lt;/b&gt; legt eine Kopie von allem ab, erstellt Postfächer und Kopien gesendeter Nachrichten und leitet ausgehende E-Mails weiter. Eine Rolle ist nur eine Vorgabe: Wird eine ihrer Optionen geändert, ist die Konfiguration &lt;b&gt;Benutzerdefiniert&lt;/b&gt;. Datei › Rollen-Assistent ausführen… setzt alle Optionen einer Rolle.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>tandem::ui::SmtpServiceDialog</name>
    <message>
        <source>SMTP Service Properties — %1 port %2</source>
        <translation>Eigenschaften des SMTP-Dienstes – %1, Port %2</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Allgemein</translation>
    </message>
    <message>
        <source>&amp;Blacklists</source>
        <translation>&amp;Sperrlisten</translation>
    </message>
    <message>
        <source>&amp;Relaying &amp;&amp; Authentication</source>
        <translation>&amp;Relaying und Authentifizierung</translation>
    </message>
    <message>
        <source>this SMTP service</source>
        <translation>dieser SMTP-Dienst</translation>
    </message>
    <message>
        <source>the SMTP service on %1 port %2</source>
        <translation>der SMTP-Dienst auf %1, Port %2</translation>
    </message>
    <message>
        <source>0.0.0.0, ::, or one address</source>
        <translation>0.0.0.0, :: oder eine einzelne Adresse</translation>
    </message>
    <message>
        <source>SMTP (mail from other servers, STARTTLS offered)</source>
        <translation>SMTP (E-Mails von anderen Servern, STARTTLS wird angeboten)</translation>
    </message>
    <message>
        <source>Submission (mail clients, STARTTLS)</source>
        <translation>Submission (E-Mail-Clients, STARTTLS)</translation>
    </message>
    <message>
        <source>SMTPS (mail clients, implicit TLS)</source>
        <translation>SMTPS (E-Mail-Clients, implizites TLS)</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>A&amp;dresse:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>&amp;Modus:</translation>
    </message>
    <message>
        <source>Reject non-local senders claiming to be local</source>
        <translation>Nicht lokale Absender ablehnen, die sich als lokal ausgeben</translation>
    </message>
    <message>
        <source>On a connection that is neither from an allowed network nor authenticated, a MAIL FROM address in a local domain is refused (550 5.7.1), so that mail which only looks local is never archived as sent by a local user.</source>
        <translation>Bei einer Verbindung, die weder aus einem zugelassenen Netzwerk stammt noch authentifiziert ist, wird eine MAIL FROM-Adresse in einer lokalen Domäne abgelehnt (550 5.7.1). So werden E-Mails, die nur lokal aussehen, nie als von einem lokalen Benutzer gesendet archiviert.</translation>
    </message>
    <message>
        <source>Allowed networks (every SMTP service)</source>
        <translation>Zugelassene Netzwerke (alle SMTP-Dienste)</translation>
    </message>
    <message>
        <source>192.168.1.0/24</source>
        <translation>192.168.1.0/24</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>Hin&amp;zufügen</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Clients in these networks may relay to any domain without logging in.</source>
        <translation>Clients in diesen Netzwerken dürfen ohne Anmeldung E-Mails an beliebige Domänen weiterleiten (Relaying).</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentifizierung</translation>
    </message>
    <message>
        <source>Require authentication</source>
        <translation>Authentifizierung erforderlich</translation>
    </message>
    <message>
        <source>Allow authentication without TLS</source>
        <translation>Authentifizierung ohne TLS zulassen</translation>
    </message>
    <message>
        <source>(every SMTP service; passwords then cross the network readable — for a trusted loopback only)</source>
        <translation>(alle SMTP-Dienste; Kennwörter werden dann lesbar über das Netzwerk übertragen – nur für ein vertrauenswürdiges Loopback)</translation>
    </message>
    <message>
        <source>“%1” is not a network such as 192.168.1.0/24 or 10.0.0.5/32.</source>
        <translation>„%1“ ist kein Netzwerk wie 192.168.1.0/24 oder 10.0.0.5/32.</translation>
    </message>
    <message>
        <source>“%1” is already in the list.</source>
        <translation>„%1“ ist bereits in der Liste enthalten.</translation>
    </message>
    <message>
        <source>Accept mail only from these networks and authenticated clients (this service)</source>
        <translation>Mail nur aus diesen Netzen und von angemeldeten Clients annehmen (dieser Dienst)</translation>
    </message>
    <message>
        <source>Anyone may now hand mail to this Archive. Their mail is kept in the catch-all mailbox: only these networks and authenticated clients make mailboxes and Sent copies, at most smtp.max_new_mailboxes_per_hour per client.</source>
        <translation>Jeder darf diesem Archiv nun Mail übergeben. Sie wird im Sammelpostfach aufbewahrt: nur diese Netze und angemeldete Clients legen Postfächer und Kopien in „Gesendet“ an, höchstens smtp.max_new_mailboxes_per_hour je Client.</translation>
    </message>
    <message>
        <source>0.0.0.0 listens on every IPv4 address of this machine, :: on every IPv6 address. SMTPS needs the server certificate below.</source>
        <translation>0.0.0.0 empfängt an jeder IPv4-Adresse dieses Computers, :: an jeder IPv6-Adresse. SMTPS benötigt das Serverzertifikat unten.</translation>
    </message>
    <message>
        <source>TLS certificate (every SMTP service)</source>
        <translation>TLS-Zertifikat (alle SMTP-Dienste)</translation>
    </message>
    <message>
        <source>none: no STARTTLS, no SMTPS</source>
        <translation>keins: kein STARTTLS, kein SMTPS</translation>
    </message>
    <message>
        <source>the certificate&apos;s private key</source>
        <translation>der private Schlüssel des Zertifikats</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Durchsu&amp;chen…</translation>
    </message>
    <message>
        <source>Brows&amp;e…</source>
        <translation>Durchs&amp;uchen…</translation>
    </message>
    <message>
        <source>Make a se&amp;lf-signed certificate</source>
        <translation>Se&amp;lbstsigniertes Zertifikat erstellen</translation>
    </message>
    <message>
        <source>&amp;Certificate:</source>
        <translation>&amp;Zertifikat:</translation>
    </message>
    <message>
        <source>Private &amp;key:</source>
        <translation>Privater Schl&amp;üssel:</translation>
    </message>
    <message>
        <source>Key passp&amp;hrase:</source>
        <translation>Passp&amp;hrase des Schlüssels:</translation>
    </message>
    <message>
        <source>Choose the certificate</source>
        <translation>Zertifikat auswählen</translation>
    </message>
    <message>
        <source>Choose the certificate&apos;s private key</source>
        <translation>Privaten Schlüssel des Zertifikats auswählen</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM-Dateien (*.pem *.crt *.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Without a certificate, STARTTLS is not offered and SMTPS services cannot start; mail clients then cannot log in.</source>
        <translation>Ohne Zertifikat wird STARTTLS nicht angeboten und SMTPS-Dienste können nicht starten; E-Mail-Clients können sich dann nicht anmelden.</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 enthält kein PEM-Zertifikat.</translation>
    </message>
    <message>
        <source>Self-signed certificate for %1, valid until %2. Servers take it for encryption; mail clients ask their users once to trust it.</source>
        <translation>Selbstsigniertes Zertifikat für %1, gültig bis %2. Mailserver akzeptieren es für die Verschlüsselung; E-Mail-Clients fordern ihre Benutzer einmalig auf, ihm zu vertrauen.</translation>
    </message>
    <message>
        <source>Certificate for %1 from %2, valid until %3.</source>
        <translation>Zertifikat für %1 von %2, gültig bis %3.</translation>
    </message>
    <message>
        <source>Making a key and a certificate for %1…</source>
        <translation>Schlüssel und Zertifikat für %1 werden erstellt…</translation>
    </message>
    <message>
        <source>The certificate could not be made: %1</source>
        <translation>Das Zertifikat konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>The keychain did not take the passphrase: %1</source>
        <translation>Der Schlüsselbund hat die Passphrase nicht übernommen: %1</translation>
    </message>
    <message>
        <source>Choose the certificate for this key.</source>
        <translation>Wählen Sie das Zertifikat zu diesem Schlüssel.</translation>
    </message>
    <message>
        <source>Choose the certificate&apos;s private key.</source>
        <translation>Wählen Sie den privaten Schlüssel des Zertifikats.</translation>
    </message>
    <message>
        <source>The key is encrypted: enter its passphrase.</source>
        <translation>Der Schlüssel ist verschlüsselt: Geben Sie seine Passphrase ein.</translation>
    </message>
    <message>
        <source>This certificate and key cannot be used: %1</source>
        <translation>Dieses Zertifikat und dieser Schlüssel können nicht verwendet werden: %1</translation>
    </message>
    <message>
        <source>The address this service listens on: 0.0.0.0 or :: for all.</source>
        <translation>Die Adresse, an der dieser Dienst empfängt: 0.0.0.0 oder :: für alle.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The IP address this SMTP service takes connections on: one address of this machine, 0.0.0.0 for every IPv4 address, or :: for every IPv6 address. 127.0.0.1 takes mail from this machine only.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die IP-Adresse, an der dieser SMTP-Dienst Verbindungen annimmt: eine Adresse dieses Computers, 0.0.0.0 für jede IPv4-Adresse oder :: für jede IPv6-Adresse. 127.0.0.1 nimmt nur E-Mails von diesem Computer an.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The TCP port: 25 for other servers, 587 or 465 for mail clients.</source>
        <translation>Der TCP-Port: 25 für andere Server, 587 oder 465 für E-Mail-Clients.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The port of this service: 25 is where other mail servers (and the partner machine) deliver, 587 (submission) and 465 (SMTPS) are where users&apos; mail programs send. Ports below 1024 need root or CAP_NET_BIND_SERVICE. A port another program holds is refused when the settings are applied, and nothing changes.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Port dieses Dienstes: An 25 liefern andere Mailserver (und der Partnerserver) ein, an 587 (Submission) und 465 (SMTPS) senden die E-Mail-Programme der Benutzer. Ports unter 1024 erfordern root oder CAP_NET_BIND_SERVICE. Ein Port, den ein anderes Programm belegt, wird beim Übernehmen der Einstellungen abgelehnt, und nichts ändert sich.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>What the service is for, and how TLS starts on it.</source>
        <translation>Wofür der Dienst da ist und wie TLS auf ihm beginnt.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;SMTP&lt;/b&gt;: mail from other servers; STARTTLS is offered when there is a certificate. &lt;b&gt;Submission&lt;/b&gt;: users&apos; mail programs, TLS with STARTTLS. &lt;b&gt;SMTPS&lt;/b&gt;: users&apos; mail programs, TLS from the first byte (RFC 8314); it needs the certificate below.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;SMTP&lt;/b&gt;: E-Mails von anderen Servern; STARTTLS wird angeboten, wenn es ein Zertifikat gibt. &lt;b&gt;Submission&lt;/b&gt;: E-Mail-Programme der Benutzer, TLS mit STARTTLS. &lt;b&gt;SMTPS&lt;/b&gt;: E-Mail-Programme der Benutzer, TLS ab dem ersten Byte (RFC 8314); erfordert das Zertifikat unten.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The server&apos;s certificate (PEM), for STARTTLS and SMTPS on every service.</source>
        <translation>Das Serverzertifikat (PEM) für STARTTLS und SMTPS auf allen Diensten.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The PEM file with the server&apos;s certificate (and its chain), for STARTTLS and SMTPS on every SMTP service. Chosen here, it is checked at OK as the engine checks it at start: the key must belong to the certificate. A renewed file is picked up by the running engine by itself.&lt;/p&gt;&lt;p&gt;Leave it empty for no TLS: then STARTTLS is not offered, SMTPS cannot start, and mail clients cannot log in.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die PEM-Datei mit dem Serverzertifikat (und seiner Kette) für STARTTLS und SMTPS auf allen SMTP-Diensten. Hier gewählt, wird sie bei OK so geprüft, wie der Dienst sie beim Start prüft: Der Schlüssel muss zum Zertifikat gehören. Eine erneuerte Datei übernimmt der laufende Dienst von selbst.&lt;/p&gt;&lt;p&gt;Leer lassen für kein TLS: Dann wird STARTTLS nicht angeboten, SMTPS kann nicht starten, und E-Mail-Clients können sich nicht anmelden.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The certificate&apos;s private key (PEM).</source>
        <translation>Der private Schlüssel des Zertifikats (PEM).</translation>
    </message>
    <message>
        <source>&lt;p&gt;The PEM file with the certificate&apos;s private key (RSA or EC). Keep it readable by the user the engine runs as only; a key made here is written so. An encrypted key needs its passphrase below.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die PEM-Datei mit dem privaten Schlüssel des Zertifikats (RSA oder EC). Sie sollte nur für den Benutzer lesbar sein, unter dem der Dienst läuft; ein hier erstellter Schlüssel wird so geschrieben. Ein verschlüsselter Schlüssel braucht seine Passphrase unten.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The passphrase of an encrypted key; it is kept in the keychain.</source>
        <translation>Die Passphrase eines verschlüsselten Schlüssels; sie wird im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Only for an encrypted key: the passphrase that opens it. The console keeps it in the desktop keychain, never in the configuration file (tandemd reads it from its secrets file, tls_key_passphrase).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Nur für einen verschlüsselten Schlüssel: die Passphrase, die ihn öffnet. Die Konsole bewahrt sie im Schlüsselbund des Desktops auf, nie in der Konfigurationsdatei (tandemd liest sie aus seiner Geheimnisdatei, tls_key_passphrase).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Make a new key and a self-signed certificate for %1</source>
        <translation>Einen neuen Schlüssel und ein selbstsigniertes Zertifikat für %1 erstellen</translation>
    </message>
    <message>
        <source>Refuse a local sender address from a client that is neither trusted nor logged in (550 5.7.1).</source>
        <translation>Eine lokale Absenderadresse von einem Client ablehnen, der weder vertrauenswürdig noch angemeldet ist (550 5.7.1).</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Reject non-local senders claiming to be local&lt;/b&gt;: on a connection that is neither from an allowed network nor authenticated, MAIL FROM with an address in a local domain is refused with 550 5.7.1. It prevents mail that only looks local from being archived as sent &quot;from&quot; a local user.&lt;/p&gt;&lt;p&gt;On in the Mailbox role&apos;s port 25 service, off on its submission service (where users log in) and on an Archive.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Nicht lokale Absender ablehnen, die sich als lokal ausgeben&lt;/b&gt;: Auf einer Verbindung, die weder aus einem zugelassenen Netzwerk kommt noch angemeldet ist, wird MAIL FROM mit einer Adresse in einer lokalen Domäne mit 550 5.7.1 abgelehnt. So werden E-Mails, die nur lokal aussehen, nie als „von“ einem lokalen Benutzer gesendet archiviert.&lt;/p&gt;&lt;p&gt;In der Rolle Postfachserver auf dem Dienst an Port 25 an, auf seinem Submission-Dienst (an dem sich Benutzer anmelden) und auf einem Archivserver aus.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>A network to allow, such as 192.168.1.0/24; then Add.</source>
        <translation>Ein zuzulassendes Netzwerk, etwa 192.168.1.0/24; dann Hinzufügen.</translation>
    </message>
    <message>
        <source>&lt;p&gt;A network in address/prefix form (192.168.1.0/24, 10.0.0.5/32, fd00::/8) to add to the allowed networks with &lt;i&gt;Add&lt;/i&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Ein Netzwerk in der Form Adresse/Präfix (192.168.1.0/24, 10.0.0.5/32, fd00::/8), das mit &lt;i&gt;Hinzufügen&lt;/i&gt; zu den zugelassenen Netzwerken kommt.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Allowed networks&lt;/b&gt; (every SMTP service): a client in one of these networks may send to any domain without logging in, and counts as trusted. Anyone else may send only to local recipients; a remote recipient is refused with 554 5.7.1 relay denied. An Archive must allow the Mailbox machine.&lt;/p&gt;&lt;p&gt;A network that would let the whole Internet relay through a service that does not require authentication is refused: Tandem is never an open relay.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Zugelassene Netzwerke&lt;/b&gt; (alle SMTP-Dienste): Ein Client in einem dieser Netzwerke darf ohne Anmeldung an jede Domäne senden und gilt als vertrauenswürdig. Alle anderen dürfen nur an lokale Empfänger senden; ein entfernter Empfänger wird mit 554 5.7.1 relay denied abgelehnt. Ein Archivserver muss den Postfachserver zulassen.&lt;/p&gt;&lt;p&gt;Ein Netzwerk, über das das ganze Internet über einen Dienst ohne Authentifizierungspflicht weiterleiten könnte, wird abgelehnt: Tandem ist nie ein offenes Relay.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Take mail only from the allowed networks and logged-in clients.</source>
        <translation>E-Mails nur aus den zugelassenen Netzwerken und von angemeldeten Clients annehmen.</translation>
    </message>
    <message>
        <source>&lt;p&gt;On this service, accept mail only from the allowed networks and from authenticated clients; anyone else&apos;s MAIL FROM is refused with 550 5.7.1. On by default on an Archive, which takes mail from its partner only. Unticked on an Archive, outsiders&apos; mail is kept in the catch-all mailbox and makes no mailboxes or Sent copies.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Auf diesem Dienst E-Mails nur aus den zugelassenen Netzwerken und von angemeldeten Clients annehmen; das MAIL FROM aller anderen wird mit 550 5.7.1 abgelehnt. Auf einem Archivserver standardmäßig an, der E-Mails nur von seinem Partner annimmt. Deaktiviert auf einem Archivserver, werden E-Mails von Fremden im Sammelpostfach aufbewahrt und erstellen weder Postfächer noch Kopien gesendeter Nachrichten.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Every transaction on this service must log in first (530 5.7.0).</source>
        <translation>Jede Übertragung auf diesem Dienst muss sich zuerst anmelden (530 5.7.0).</translation>
    </message>
    <message>
        <source>&lt;p&gt;Every transaction on this service must be authenticated; without it MAIL FROM is answered 530 5.7.0. For the submission service of users&apos; mail programs. AUTH is offered only under TLS, so this needs the certificate (or &lt;i&gt;Allow authentication without TLS&lt;/i&gt;).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Jede Übertragung auf diesem Dienst muss angemeldet sein; sonst wird MAIL FROM mit 530 5.7.0 beantwortet. Für den Submission-Dienst der E-Mail-Programme der Benutzer. AUTH wird nur unter TLS angeboten, daher braucht dies das Zertifikat (oder &lt;i&gt;Authentifizierung ohne TLS zulassen&lt;/i&gt;).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Offer AUTH without TLS (every service): for a trusted loopback only.</source>
        <translation>AUTH ohne TLS anbieten (alle Dienste): nur für ein vertrauenswürdiges Loopback.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Offer AUTH on connections without TLS, on every SMTP service. Passwords then cross the network readable by anyone on the way: only for tests on a trusted loopback.&lt;/p&gt;</source>
        <translation>&lt;p&gt;AUTH auf Verbindungen ohne TLS anbieten, auf allen SMTP-Diensten. Passwörter gehen dann für jeden auf dem Weg lesbar über das Netz: nur für Tests auf einem vertrauenswürdigen Loopback.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>only for an encrypted key</source>
        <translation>nur für einen verschlüsselten Schlüssel</translation>
    </message>
</context>
<context>
    <name>tandem::ui::UserList</name>
    <message>
        <source>A user name has letters, digits and . _ + - only.</source>
        <translation>Ein Benutzername darf nur Buchstaben, Ziffern und . _ + - enthalten.</translation>
    </message>
    <message>
        <source>“%1” is not a local domain (Options | Server).</source>
        <translation>„%1“ ist keine lokale Domäne (Optionen | Server).</translation>
    </message>
    <message>
        <source>“%1” is already a user.</source>
        <translation>Der Benutzer „%1“ ist bereits vorhanden.</translation>
    </message>
    <message>
        <source>a mailbox of its own, “postmaster”</source>
        <translation>ein eigenes Postfach „postmaster“</translation>
    </message>
</context>
<context>
    <name>tandem::ui::wizard::CertificatePage</name>
    <message>
        <source>TLS certificate</source>
        <translation>TLS-Zertifikat</translation>
    </message>
    <message>
        <source>With a certificate, mail travels encrypted (STARTTLS) and users can log in safely.</source>
        <translation>Mit einem Zertifikat werden E-Mails verschlüsselt übertragen (STARTTLS), und Benutzer können sich sicher anmelden.</translation>
    </message>
    <message>
        <source>&amp;Use existing PEM files:</source>
        <translation>&amp;Vorhandene PEM-Dateien verwenden:</translation>
    </message>
    <message>
        <source>N&amp;o certificate</source>
        <translation>&amp;Kein Zertifikat</translation>
    </message>
    <message>
        <source>certificate, e.g. cert.pem</source>
        <translation>Zertifikat, z. B. cert.pem</translation>
    </message>
    <message>
        <source>private key, e.g. key.pem</source>
        <translation>privater Schlüssel, z. B. key.pem</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>Dur&amp;chsuchen…</translation>
    </message>
    <message>
        <source>Choose the certificate</source>
        <translation>Zertifikat auswählen</translation>
    </message>
    <message>
        <source>Choose the private key</source>
        <translation>Privaten Schlüssel auswählen</translation>
    </message>
    <message>
        <source>&amp;Certificate:</source>
        <translation>Zer&amp;tifikat:</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>&amp;Generate a self-signed certificate for %1 now</source>
        <translation>Jetzt ein selbstsigniertes Zertifikat für %1 &amp;erstellen</translation>
    </message>
    <message>
        <source>Written to %1 and %2. Mail servers accept it for encryption; mail clients ask their users to trust it once.</source>
        <translation>In %1 und %2 gespeichert. Mailserver akzeptieren es für die Verschlüsselung; E-Mail-Clients fordern ihre Benutzer einmalig auf, ihm zu vertrauen.</translation>
    </message>
    <message>
        <source>Mail travels unencrypted, and users cannot log in to send mail unless plaintext authentication is turned on.</source>
        <translation>E-Mails werden unverschlüsselt übertragen, und Benutzer können sich zum Senden nur anmelden, wenn die Klartext-Authentifizierung aktiviert ist.</translation>
    </message>
    <message>
        <source>Mail from the Mailbox travels unencrypted.</source>
        <translation>E-Mails vom Postfachserver werden unverschlüsselt übertragen.</translation>
    </message>
    <message>
        <source>Choose the certificate file.</source>
        <translation>Wählen Sie die Zertifikatsdatei aus.</translation>
    </message>
    <message>
        <source>Choose the private key file.</source>
        <translation>Wählen Sie die Datei mit dem privaten Schlüssel aus.</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM-Dateien (*.pem *.crt *.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 is not a readable PEM certificate.</source>
        <translation>%1 ist kein lesbares PEM-Zertifikat.</translation>
    </message>
    <message>
        <source>%1 is not a readable PEM private key.</source>
        <translation>%1 ist kein lesbarer privater PEM-Schlüssel.</translation>
    </message>
    <message>
        <source>The certificate could not be made: %1</source>
        <translation>Das Zertifikat konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>The certificate could not be made: openssl failed: %1</source>
        <translation>Das Zertifikat konnte nicht erstellt werden: openssl ist gescheitert: %1</translation>
    </message>
    <message>
        <source>The certificate could not be made: openssl could not be started (%1).</source>
        <translation>Das Zertifikat konnte nicht erstellt werden: openssl ließ sich nicht starten (%1).</translation>
    </message>
    <message>
        <source>Making the certificate for %1…</source>
        <translation>Das Zertifikat für %1 wird erstellt …</translation>
    </message>
    <message>
        <source>only for an encrypted key</source>
        <translation>nur für einen verschlüsselten Schlüssel</translation>
    </message>
    <message>
        <source>Kept in the desktop keychain, never in the configuration file.</source>
        <translation>Wird im Schlüsselbund des Desktops gespeichert, nie in der Konfigurationsdatei.</translation>
    </message>
    <message>
        <source>Key &amp;passphrase:</source>
        <translation>&amp;Passphrase des Schlüssels:</translation>
    </message>
    <message>
        <source>%1 is encrypted: enter its passphrase.</source>
        <translation>%1 ist verschlüsselt: Geben Sie die Passphrase ein.</translation>
    </message>
    <message>
        <source>The passphrase does not open %1.</source>
        <translation>Die Passphrase öffnet %1 nicht.</translation>
    </message>
    <message>
        <source>%1 is not a readable PEM RSA or EC private key.</source>
        <translation>%1 ist kein lesbarer privater RSA- oder EC-Schlüssel im PEM-Format.</translation>
    </message>
    <message>
        <source>Without a certificate nobody could log in to send mail: a Mailbox&apos;s users log in only over TLS. Generate a certificate or choose one.</source>
        <translation>Ohne Zertifikat könnte sich niemand zum Senden anmelden: Die Benutzer eines Postfachservers melden sich nur über TLS an. Erzeugen Sie ein Zertifikat oder wählen Sie eines aus.</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
</context>
<context>
    <name>tandem::ui::wizard::DomainPage</name>
    <message>
        <source>Domain</source>
        <translation>Domäne</translation>
    </message>
    <message>
        <source>Both machines serve the same domain. The host name is this machine&apos;s own name, used in the greeting and in Received: headers.</source>
        <translation>Beide Computer bedienen dieselbe Domäne. Der Hostname ist der eigene Name dieses Computers; er wird in der Begrüßung und in Received:-Headern verwendet.</translation>
    </message>
    <message>
        <source>example.com</source>
        <translation>example.com</translation>
    </message>
    <message>
        <source>optional, e.g. example.org</source>
        <translation>optional, z. B. example.org</translation>
    </message>
    <message>
        <source>e.g. mail.example.com</source>
        <translation>z. B. mail.example.com</translation>
    </message>
    <message>
        <source>Primary &amp;domain:</source>
        <translation>Primäre &amp;Domäne:</translation>
    </message>
    <message>
        <source>&amp;Other local domains:</source>
        <translation>Weitere &amp;lokale Domänen:</translation>
    </message>
    <message>
        <source>&amp;Host name of this machine:</source>
        <translation>&amp;Hostname dieses Computers:</translation>
    </message>
</context>
<context>
    <name>tandem::ui::wizard::FlowWidget</name>
    <message>
        <source>Mail flow: Internet, Mailbox, Archive, Internet</source>
        <translation>E-Mail-Fluss: Internet, Postfachserver, Archivserver, Internet</translation>
    </message>
    <message>
        <source>Internet</source>
        <translation>Internet</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Postfachserver</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archivserver</translation>
    </message>
</context>
<context>
    <name>tandem::ui::wizard::ListenersPage</name>
    <message>
        <source>Listeners and relaying</source>
        <translation>Empfangsdienste und Relaying</translation>
    </message>
    <message>
        <source>0.0.0.0 = every address</source>
        <translation>0.0.0.0 = alle Adressen</translation>
    </message>
    <message>
        <source>e.g. 192.168.1.0/24</source>
        <translation>z. B. 192.168.1.0/24</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>&amp;SMTP (mail from other servers):</source>
        <translation>&amp;SMTP (E-Mails von anderen Servern):</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;LAN allowed to relay:</source>
        <translation>&amp;LAN mit Relay-Berechtigung:</translation>
    </message>
    <message>
        <source>Machines on these networks may send mail anywhere without logging in. Separate networks with commas.</source>
        <translation>Computer in diesen Netzwerken dürfen ohne Anmeldung E-Mails an beliebige Empfänger senden. Trennen Sie mehrere Netzwerke durch Kommas.</translation>
    </message>
    <message>
        <source>&amp;Other networks allowed to relay:</source>
        <translation>Weitere &amp;Netzwerke mit Relay-Berechtigung:</translation>
    </message>
    <message>
        <source>The Mailbox machine (%1) is added to these. Separate networks with commas.</source>
        <translation>Der Postfachserver (%1) wird automatisch hinzugefügt. Trennen Sie mehrere Netzwerke durch Kommas.</translation>
    </message>
    <message>
        <source>its address</source>
        <translation>seine Adresse</translation>
    </message>
    <message>
        <source>S&amp;ubmission (users&apos; mail clients):</source>
        <translation>Su&amp;bmission (E-Mail-Clients der Benutzer):</translation>
    </message>
    <message>
        <source>Ports below 1024 need root or the CAP_NET_BIND_SERVICE capability. tandemd&apos;s systemd unit gives it (AmbientCapabilities=CAP_NET_BIND_SERVICE) and runs tandemd as a user of its own; to run the engine in this console, give the console the capability once: setcap cap_net_bind_service=+ep %1</source>
        <translation>Ports unter 1024 erfordern root oder die Berechtigung CAP_NET_BIND_SERVICE. Die systemd-Unit von tandemd verleiht sie (AmbientCapabilities=CAP_NET_BIND_SERVICE) und führt tandemd unter einem eigenen Benutzer aus; damit der Dienst in dieser Konsole läuft, geben Sie der Konsole die Berechtigung einmalig: setcap cap_net_bind_service=+ep %1</translation>
    </message>
    <message>
        <source>SMTP takes mail from other servers (port 25 on the Internet) and refuses outsiders that claim a local sender; submission takes the users&apos; mail after they log in (port 587).</source>
        <translation>SMTP nimmt E-Mails anderer Server an (im Internet Port 25) und lehnt Externe mit lokalem Absender ab; Submission nimmt die E-Mails angemeldeter Benutzer an (Port 587).</translation>
    </message>
    <message>
        <source>SMTP takes the copies from the Mailbox and, if the MX is moved here, mail from the Internet (port 25). An Archive has no submission port.</source>
        <translation>SMTP nimmt die Kopien vom Postfachserver an und, falls der MX-Eintrag hierher verlegt wird, E-Mails aus dem Internet (Port 25). Ein Archivserver hat keinen Submission-Port.</translation>
    </message>
</context>
<context>
    <name>tandem::ui::wizard::PartnerPage</name>
    <message>
        <source>Outgoing mail</source>
        <translation>Ausgehende E-Mails</translation>
    </message>
    <message>
        <source>optional, e.g. smtp.provider.example</source>
        <translation>optional, z. B. smtp.provider.example</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>ISP&apos;s &amp;SmartHost:</source>
        <translation>&amp;SmartHost des Internetanbieters:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>The Archive machine</source>
        <translation>Der Archivserver</translation>
    </message>
    <message>
        <source>Where this Mailbox sends its mail.</source>
        <translation>Wohin dieser Postfachserver seine E-Mails sendet.</translation>
    </message>
    <message>
        <source>Archive&apos;s &amp;address:</source>
        <translation>&amp;Adresse des Archivservers:</translation>
    </message>
    <message>
        <source>host name or IP address</source>
        <translation>Hostname oder IP-Adresse</translation>
    </message>
    <message>
        <source>The Mailbox machine</source>
        <translation>Der Postfachserver</translation>
    </message>
    <message>
        <source>Where this Archive&apos;s copies come from, and how it sends mail on.</source>
        <translation>Woher die Kopien dieses Archivservers kommen und wie er E-Mails weitersendet.</translation>
    </message>
    <message>
        <source>Mailbox&apos;s &amp;address:</source>
        <translation>&amp;Adresse des Postfachservers:</translation>
    </message>
    <message>
        <source>IP address, e.g. 192.168.1.10</source>
        <translation>IP-Adresse, z. B. 192.168.1.10</translation>
    </message>
    <message>
        <source>All outgoing mail, and a copy of all mail for the local domains, goes to the Archive machine (a static route for every domain, *). The Archive delivers it to the Internet. Its port is the one the Archive&apos;s SMTP service listens on: 25, unless it was changed there.</source>
        <translation>Alle ausgehenden E-Mails und eine Kopie aller E-Mails für die lokalen Domänen gehen an den Archivserver (eine statische Route für alle Domänen, *). Der Archivserver stellt sie ins Internet zu. Sein Port ist der, auf dem der SMTP-Dienst des Archivservers empfängt: 25, sofern er dort nicht geändert wurde.</translation>
    </message>
    <message>
        <source>The Mailbox machine&apos;s address is allowed to relay through this Archive. Bounces for local users go back to the Mailbox, where the users read them. Its port is the one the Mailbox&apos;s SMTP service listens on: 25, unless it was changed there.</source>
        <translation>Die Adresse des Postfachservers darf E-Mails über diesen Archivserver weiterleiten (Relaying). Unzustellbarkeitsnachrichten für lokale Benutzer gehen an den Postfachserver zurück, wo die Benutzer sie lesen. Sein Port ist der, auf dem der SMTP-Dienst des Postfachservers empfängt: 25, sofern er dort nicht geändert wurde.</translation>
    </message>
    <message>
        <source>Deliver by &amp;DNS</source>
        <translation>Über &amp;DNS zustellen</translation>
    </message>
    <message>
        <source>Look up the recipients&apos; MX records, for the local domains too: their MX points to the Mailbox.</source>
        <translation>Die MX-Einträge der Empfänger abfragen, auch für die lokalen Domänen: Ihr MX verweist auf den Postfachserver.</translation>
    </message>
    <message>
        <source>Send mail for the &amp;local domains straight to the Mailbox</source>
        <translation>E-Mails für die &amp;lokalen Domänen direkt an den Postfachserver senden</translation>
    </message>
    <message>
        <source>When the local domains cannot be looked up in DNS from here. Other mail still goes by MX or the SmartHost.</source>
        <translation>Wenn die lokalen Domänen von hier aus nicht im DNS nachgeschlagen werden können. Andere E-Mails gehen weiterhin über MX oder den SmartHost.</translation>
    </message>
</context>
<context>
    <name>tandem::ui::wizard::RolePage</name>
    <message>
        <source>Choose this machine&apos;s role</source>
        <translation>Rolle dieses Computers auswählen</translation>
    </message>
    <message>
        <source>Tandem runs on two machines. Mail from the Internet reaches the Mailbox, which passes a copy of everything to the Archive; the Archive sends outgoing mail to the Internet.</source>
        <translation>Tandem läuft auf zwei Computern. E-Mails aus dem Internet erreichen den Postfachserver, der von allem eine Kopie an den Archivserver weitergibt; der Archivserver sendet ausgehende E-Mails ins Internet.</translation>
    </message>
    <message>
        <source>&amp;Mailbox</source>
        <translation>&amp;Postfachserver</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Archivserver</translation>
    </message>
    <message>
        <source>This machine serves the users: it receives the domain&apos;s mail from the Internet, keeps the users&apos; mailboxes and takes their outgoing mail on the submission port. Every message goes on to the Archive.</source>
        <translation>Dieser Computer bedient die Benutzer: Er empfängt die E-Mails der Domäne aus dem Internet, verwaltet die Postfächer der Benutzer und nimmt ihre ausgehenden E-Mails über den Submission-Port an. Jede Nachricht wird an den Archivserver weitergegeben.</translation>
    </message>
    <message>
        <source>This machine keeps a copy of every message to, from and between the users in per-user mailboxes, and sends outgoing mail to the Internet. It can take over if the Mailbox machine fails.</source>
        <translation>Dieser Computer bewahrt eine Kopie jeder Nachricht an, von und zwischen den Benutzern in einem Postfach je Benutzer auf und sendet ausgehende E-Mails ins Internet. Er kann einspringen, wenn der Postfachserver ausfällt.</translation>
    </message>
</context>
<context>
    <name>tandem::ui::wizard::SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Finish sets these options. Each stays editable in the Options dialogs; changing one makes the role Custom.</source>
        <translation>„Fertigstellen“ legt diese Optionen fest. Jede bleibt in den Optionsdialogen bearbeitbar; wird eine geändert, wird die Rolle zu „Benutzerdefiniert“.</translation>
    </message>
    <message>
        <source>Mailboxes › users: %1</source>
        <translation>Postfächer › Benutzer: %1</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <source>Mailboxes › mail to postmaster goes to: %1</source>
        <translation>Postfächer › E-Mails an postmaster gehen an: %1</translation>
    </message>
    <message>
        <source>a mailbox of its own, “postmaster”</source>
        <translation>ein eigenes Postfach „postmaster“</translation>
    </message>
</context>
<context>
    <name>tandem::ui::wizard::UsersPage</name>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>The people who get a mailbox on this machine and log in to send mail. Add them now, or go on without: Options | Mailboxes adds them later.</source>
        <translation>Die Personen, die auf diesem Computer ein Postfach erhalten und sich zum Senden anmelden. Fügen Sie sie jetzt hinzu oder fahren Sie ohne fort: Optionen | Postfächer fügt sie später hinzu.</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kennwort</translation>
    </message>
    <message>
        <source>alice or alice@other.example</source>
        <translation>alice oder alice@other.example</translation>
    </message>
    <message>
        <source>&amp;Add user</source>
        <translation>Benutzer &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove user</source>
        <translation>Benutzer &amp;entfernen</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Kennwort:</translation>
    </message>
    <message>
        <source>Mail to &amp;postmaster goes to:</source>
        <translation>E-Mails an &amp;postmaster gehen an:</translation>
    </message>
    <message>
        <source>postmaster@ of every local domain must reach someone (RFC 5321): it takes the mail system&apos;s notices and other servers&apos; complaints. Choose who reads it.</source>
        <translation>postmaster@ jeder lokalen Domäne muss jemanden erreichen (RFC 5321): Dort kommen die Meldungen des Mailsystems und die Beschwerden anderer Server an. Wählen Sie, wer sie liest.</translation>
    </message>
    <message>
        <source>Type a password for %1: with it, they log in to send mail.</source>
        <translation>Geben Sie ein Kennwort für %1 ein: Damit meldet sich der Benutzer zum Senden an.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>set</source>
        <translation>festgelegt</translation>
    </message>
</context>
</TS>
