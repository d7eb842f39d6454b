<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
        <source>Mailbox template (for new mailboxes)</source>
        <translation>Postfachvorlage (für neue Postfächer)</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
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
        <source>Days in the &amp;live mailbox:</source>
        <translation>Tage im &amp;aktiven Postfach:</translation>
    </message>
    <message>
        <source>Archive &amp;expiry (0 = never):</source>
        <translation>Archivierte Nachrichten &amp;löschen nach (0 = nie):</translation>
    </message>
    <message>
        <source>&amp;Size cap (0 = none):</source>
        <translation>&amp;Größenbegrenzung (0 = keine):</translation>
    </message>
    <message>
        <source>Messages older than the live days move to the mailbox&apos;s Archive folder; archived messages are deleted after the expiry. The size cap is warned about, never silently exceeded.</source>
        <translation>Nachrichten, die länger als die angegebene Anzahl Tage im aktiven Postfach liegen, werden in den Archivordner des Postfachs verschoben; archivierte Nachrichten werden nach Ablauf der Frist gelöscht. Vor der Größenbegrenzung wird gewarnt; sie wird nie stillschweigend überschritten.</translation>
    </message>
    <message numerus="yes">
        <source> day(s)</source>
        <translation>
            <numerusform> Tag</numerusform>
            <numerusform> Tage</numerusform>
        </translation>
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
        <translation>&amp;Anzeigen:</translation>
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
        <source>A mailbox is created when mail is first stored for it.</source>
        <translation>Ein Postfach wird erstellt, sobald zum ersten Mal eine Nachricht darin gespeichert wird.</translation>
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
    <message numerus="yes">
        <source>New mailboxes keep mail %n day(s) in the live folders</source>
        <translation>
            <numerusform>Neue Postfächer behalten Nachrichten %n Tag in den aktiven Ordnern</numerusform>
            <numerusform>Neue Postfächer behalten Nachrichten %n Tage in den aktiven Ordnern</numerusform>
        </translation>
    </message>
    <message>
        <source>archived mail never expires</source>
        <translation>archivierte Nachrichten werden nie gelöscht</translation>
    </message>
    <message numerus="yes">
        <source>archived mail expires after %n day(s)</source>
        <translation>
            <numerusform>archivierte Nachrichten werden nach %n Tag gelöscht</numerusform>
            <numerusform>archivierte Nachrichten werden nach %n Tagen gelöscht</numerusform>
        </translation>
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
        <source>R&amp;etry</source>
        <translation>&amp;Wiederholung</translation>
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
        <source>Retry &amp;schedule:</source>
        <translation>Wiederholungs&amp;intervalle:</translation>
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
    <message numerus="yes">
        <source> hour(s)</source>
        <translation>
            <numerusform> Stunde</numerusform>
            <numerusform> Stunden</numerusform>
        </translation>
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
        <source>only for an encrypted key; kept in the keychain</source>
        <translation>nur für einen verschlüsselten Schlüssel; im Schlüsselbund gespeichert</translation>
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
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
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
        <translation>&amp;Zertifikat:</translation>
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
        <translation>&amp;Weitere lokale Domänen:</translation>
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
        <source>Su&amp;bmission (users&apos; mail clients):</source>
        <translation>Su&amp;bmission (E-Mail-Clients der Benutzer):</translation>
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
        <source>Port 25 takes mail from other servers and refuses outsiders that claim to be local senders; the submission port (587) takes the users&apos; mail after they log in.</source>
        <translation>Port 25 nimmt E-Mails von anderen Servern an und lehnt externe Absender ab, die sich als lokal ausgeben; der Submission-Port (587) nimmt die E-Mails der Benutzer nach deren Anmeldung an.</translation>
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
        <source>Port 25 takes the copies from the Mailbox and, if the MX is moved here, mail from the Internet. An Archive has no submission port.</source>
        <translation>Port 25 nimmt die Kopien vom Postfachserver an und, falls der MX-Eintrag hierher verlegt wird, E-Mails aus dem Internet. Ein Archivserver hat keinen Submission-Port.</translation>
    </message>
    <message>
        <source>&amp;Other networks allowed to relay:</source>
        <translation>&amp;Weitere Netzwerke mit Relay-Berechtigung:</translation>
    </message>
    <message>
        <source>The Mailbox machine (%1) is added to these. Separate networks with commas.</source>
        <translation>Der Postfachserver (%1) wird automatisch hinzugefügt. Trennen Sie mehrere Netzwerke durch Kommas.</translation>
    </message>
    <message>
        <source>its address</source>
        <translation>seine Adresse</translation>
    </message>
</context>
<context>
    <name>tandem::ui::wizard::PartnerPage</name>
    <message>
        <source>Outgoing mail</source>
        <translation>Ausgehende E-Mails</translation>
    </message>
    <message>
        <source>Deliver by &amp;DNS: look up the recipients&apos; MX records (the domain&apos;s MX points to the Mailbox)</source>
        <translation>Über &amp;DNS zustellen: MX-Einträge der Empfänger abfragen (der MX-Eintrag der Domäne verweist auf den Postfachserver)</translation>
    </message>
    <message>
        <source>&amp;No DNS for the domain here: send mail for the local domains straight to the Mailbox</source>
        <translation>Hier &amp;kein DNS für die Domäne: E-Mails für die lokalen Domänen direkt an den Postfachserver senden</translation>
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
        <source>All outgoing mail, and a copy of all mail for the local domains, goes to the Archive machine (a static route for every domain, *). The Archive delivers it to the Internet.</source>
        <translation>Alle ausgehenden E-Mails und eine Kopie aller E-Mails für die lokalen Domänen gehen an den Archivserver (eine statische Route für alle Domänen, *). Der Archivserver stellt sie ins Internet zu.</translation>
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
        <source>The Mailbox machine&apos;s address is allowed to relay through this Archive. Bounces for local users go back to the Mailbox, where the users read them.</source>
        <translation>Die Adresse des Postfachservers darf E-Mails über diesen Archivserver weiterleiten (Relaying). Unzustellbarkeitsnachrichten für lokale Benutzer gehen an den Postfachserver zurück, wo die Benutzer sie lesen.</translation>
    </message>
    <message>
        <source>Mailbox&apos;s &amp;address:</source>
        <translation>&amp;Adresse des Postfachservers:</translation>
    </message>
    <message>
        <source>IP address, e.g. 192.168.1.10</source>
        <translation>IP-Adresse, z. B. 192.168.1.10</translation>
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
</context>
</TS>
