<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ArchiveText</name>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>Archiving: %1 examined, %2 archived…</source>
        <translation>Archivage&#xa0;: %1 examinés, %2 archivés…</translation>
    </message>
    <message>
        <source>%1 examined</source>
        <translation>%1 examinés</translation>
    </message>
    <message>
        <source>%1 archived</source>
        <translation>%1 archivés</translation>
    </message>
    <message>
        <source>%1 deleted</source>
        <translation>%1 supprimés</translation>
    </message>
    <message>
        <source>%1 expired</source>
        <translation>%1 expirés</translation>
    </message>
    <message>
        <source>%1 kept on hold</source>
        <translation>%1 gardés (conservation légale)</translation>
    </message>
    <message>
        <source>Archive maintenance interrupted: %1.</source>
        <translation>Maintenance de l’archive interrompue&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Archive maintenance done: %1.</source>
        <translation>Maintenance de l’archive terminée&#xa0;: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s), the first: %1</source>
        <translation>
            <numerusform>%n erreur, la première&#xa0;: %1</numerusform>
            <numerusform>%n erreurs, la première&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Archive verified: %1 messages and %2 ledger entries, all intact.</source>
        <translation>Archive vérifiée&#xa0;: %1 messages et %2 entrées du registre, tous intacts.</translation>
    </message>
    <message numerus="yes">
        <source>Archive verification found %n problem(s), the first: %1</source>
        <translation>
            <numerusform>La vérification de l’archive a trouvé %n problème, le premier&#xa0;: %1</numerusform>
            <numerusform>La vérification de l’archive a trouvé %n problèmes, le premier&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Since %1, by %2: %3</source>
        <translation>Depuis le %1, par %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>live</source>
        <translation>actif</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>archivé</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expiré</translation>
    </message>
    <message>
        <source>%1, %2, “%3” of %4</source>
        <translation>%1, %2, «&#xa0;%3&#xa0;» du %4</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>on</source>
        <translation>activé</translation>
    </message>
    <message>
        <source>off</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Boîtes aux lettres</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personnalisé</translation>
    </message>
    <message>
        <source>SMTP</source>
        <translation>SMTP</translation>
    </message>
    <message>
        <source>submission</source>
        <translation>soumission</translation>
    </message>
    <message>
        <source>SMTPS</source>
        <translation>SMTPS</translation>
    </message>
    <message>
        <source>Return undelivered mail to sender</source>
        <translation>Renvoyer le courrier non distribué à l’expéditeur</translation>
    </message>
    <message>
        <source>Create mailbox and store</source>
        <translation>Créer la boîte aux lettres et stocker</translation>
    </message>
    <message>
        <source>Forward to mailbox %1</source>
        <translation>Transférer vers la boîte aux lettres %1</translation>
    </message>
    <message>
        <source>Choose Mailbox or Archive.</source>
        <translation>Choisissez Boîtes aux lettres ou Archive.</translation>
    </message>
    <message>
        <source>Enter the domain, such as example.com.</source>
        <translation>Saisissez le domaine, par exemple example.com.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a domain name such as example.com.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un nom de domaine comme example.com.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a domain name such as example.org.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un nom de domaine comme example.org.</translation>
    </message>
    <message>
        <source>Enter this machine&apos;s host name, such as mail.example.com.</source>
        <translation>Saisissez le nom d’hôte de cette machine, par exemple mail.example.com.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name such as mail.example.com.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un nom d’hôte comme mail.example.com.</translation>
    </message>
    <message>
        <source>Enter the Archive machine&apos;s address.</source>
        <translation>Saisissez l’adresse du serveur d’archive.</translation>
    </message>
    <message>
        <source>Enter the Mailbox machine&apos;s address.</source>
        <translation>Saisissez l’adresse du serveur de boîtes aux lettres.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name or an IP address.</source>
        <translation>«&#xa0;%1&#xa0;» n’est ni un nom d’hôte ni une adresse IP.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address: the Archive lets the Mailbox relay by its address.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une adresse IP&#xa0;: le serveur d’archive autorise le serveur de boîtes aux lettres à relayer d’après son adresse.</translation>
    </message>
    <message>
        <source>The Archive&apos;s port must be 1-65535.</source>
        <translation>Le port du serveur d’archive doit être compris entre 1 et 65535.</translation>
    </message>
    <message>
        <source>The Mailbox&apos;s port must be 1-65535.</source>
        <translation>Le port du serveur de boîtes aux lettres doit être compris entre 1 et 65535.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a network such as 192.168.1.0/24.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un réseau comme 192.168.1.0/24.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is wider than any LAN and would make an open relay.</source>
        <translation>«&#xa0;%1&#xa0;» est plus large que tout réseau local et ferait de ce serveur un relais ouvert.</translation>
    </message>
    <message>
        <source>Enter the LAN whose machines may send mail, such as 192.168.1.0/24.</source>
        <translation>Saisissez le réseau local dont les machines peuvent envoyer du courrier, par exemple 192.168.1.0/24.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address to listen on.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une adresse IP d’écoute valide.</translation>
    </message>
    <message>
        <source>The %1 listener&apos;s port must be 1-65535.</source>
        <translation>Le port de l’écouteur %1 doit être compris entre 1 et 65535.</translation>
    </message>
    <message>
        <source>%1 port %2 is used twice.</source>
        <translation>%1, port %2, est utilisé deux fois.</translation>
    </message>
    <message>
        <source>The Archive cannot be this machine&apos;s own %1 port %2.</source>
        <translation>Le serveur d’archive ne peut pas être cette machine elle-même (%1, port %2).</translation>
    </message>
    <message>
        <source>An SMTP listener is needed to receive mail.</source>
        <translation>Un écouteur SMTP est nécessaire pour recevoir du courrier.</translation>
    </message>
    <message>
        <source>A Mailbox needs a submission listener for its users&apos; mail clients.</source>
        <translation>Un serveur de boîtes aux lettres a besoin d’un écouteur de soumission pour les clients de messagerie de ses utilisateurs.</translation>
    </message>
    <message>
        <source>The SmartHost&apos;s port must be 1-65535.</source>
        <translation>Le port du SmartHost doit être compris entre 1 et 65535.</translation>
    </message>
    <message>
        <source>Give both the certificate and its key, or neither.</source>
        <translation>Indiquez à la fois le certificat et sa clé, ou aucun des deux.</translation>
    </message>
    <message>
        <source>Server › role: %1</source>
        <translation>Serveur › rôle&#xa0;: %1</translation>
    </message>
    <message>
        <source>Server › primary domain: %1</source>
        <translation>Serveur › domaine principal&#xa0;: %1</translation>
    </message>
    <message>
        <source>Server › extra local domains: %1</source>
        <translation>Serveur › domaines locaux supplémentaires&#xa0;: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Server › host name: %1</source>
        <translation>Serveur › nom d’hôte&#xa0;: %1</translation>
    </message>
    <message>
        <source>Passthrough › domains it applies to: %1</source>
        <translation>Transit › domaines concernés&#xa0;: %1</translation>
    </message>
    <message>
        <source>all local domains</source>
        <translation>tous les domaines locaux</translation>
    </message>
    <message>
        <source>Passthrough › Copy all mail to sender&apos;s Sent items: %1</source>
        <translation>Transit › Copier tout le courrier dans les Éléments envoyés de l’expéditeur&#xa0;: %1</translation>
    </message>
    <message>
        <source>Passthrough › Create mailbox if necessary: %1</source>
        <translation>Transit › Créer la boîte aux lettres si nécessaire&#xa0;: %1</translation>
    </message>
    <message>
        <source>Passthrough › Copy all mail for local domains to Outbox: %1</source>
        <translation>Transit › Copier tout le courrier des domaines locaux dans la Boîte d’envoi&#xa0;: %1</translation>
    </message>
    <message>
        <source>Passthrough › Copy all mail without Received: headers to Outbox: %1</source>
        <translation>Transit › Copier tout le courrier sans en-têtes Received: dans la Boîte d’envoi&#xa0;: %1</translation>
    </message>
    <message>
        <source>Undelivered Mail › action: %1</source>
        <translation>Courrier non distribué › action&#xa0;: %1</translation>
    </message>
    <message>
        <source>SMTP service %1 port %2 (%3)</source>
        <translation>Service SMTP %1, port %2 (%3)</translation>
    </message>
    <message>
        <source>%1 › Reject non-local senders claiming to be local: %2</source>
        <translation>%1 › Rejeter les expéditeurs non locaux se présentant comme locaux&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 › Require authentication: %2</source>
        <translation>%1 › Exiger l’authentification&#xa0;: %2</translation>
    </message>
    <message>
        <source>Relaying › allowed networks: %1</source>
        <translation>Relais › réseaux autorisés&#xa0;: %1</translation>
    </message>
    <message>
        <source>TLS › certificate: none (no STARTTLS)</source>
        <translation>TLS › certificat&#xa0;: aucun (pas de STARTTLS)</translation>
    </message>
    <message>
        <source>TLS › certificate: %1, key: %2</source>
        <translation>TLS › certificat&#xa0;: %1, clé&#xa0;: %2</translation>
    </message>
    <message>
        <source>Outgoing Mail › static route %1 → %2 port %3</source>
        <translation>Courrier sortant › route statique %1 → %2, port %3</translation>
    </message>
    <message>
        <source>Outgoing Mail › SmartHost: %1 port %2</source>
        <translation>Courrier sortant › SmartHost&#xa0;: %1, port %2</translation>
    </message>
    <message>
        <source>Outgoing Mail › MX delivery (DNS), no SmartHost</source>
        <translation>Courrier sortant › remise par MX (DNS), sans SmartHost</translation>
    </message>
    <message>
        <source>Outgoing Mail › other mail: MX delivery (DNS), no SmartHost</source>
        <translation>Courrier sortant › autre courrier&#xa0;: remise par MX (DNS), sans SmartHost</translation>
    </message>
    <message>
        <source>the archive store</source>
        <translation>le magasin d’archives</translation>
    </message>
    <message>
        <source>the mailbox&apos;s Archive folder</source>
        <translation>le dossier « Archive » de la boîte aux lettres</translation>
    </message>
    <message>
        <source>deletion</source>
        <translation>la suppression</translation>
    </message>
    <message>
        <source>Mailbox template › archive: never</source>
        <translation>Modèle de boîte aux lettres › archiver&#xa0;: jamais</translation>
    </message>
    <message>
        <source>Mailbox template › archive after %1 to %2</source>
        <translation>Modèle de boîte aux lettres › archiver après %1 vers %2</translation>
    </message>
    <message>
        <source>Mailbox template › expire: never (kept for ever)</source>
        <translation>Modèle de boîte aux lettres › expiration&#xa0;: jamais (conservé pour toujours)</translation>
    </message>
    <message>
        <source>Mailbox template › expire after %1</source>
        <translation>Modèle de boîte aux lettres › expiration après %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Tandem mail server console.</source>
        <translation>Console du serveur de messagerie Tandem.</translation>
    </message>
</context>
<context>
    <name>tandem::config::Settings</name>
    <message>
        <source>unknown key</source>
        <translation>clé inconnue</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>doit être un objet</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>doit être une chaîne de caractères</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <extracomment>true and false are the values written in the configuration file.</extracomment>
        <translation>doit être true ou false</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>doit être un nombre entier</translation>
    </message>
    <message>
        <source>must be %1-%2</source>
        <translation>doit être compris entre %1 et %2</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>doit être une liste</translation>
    </message>
    <message>
        <source>must be one of %1</source>
        <extracomment>%1 lists the allowed values as they are written in the configuration file, each in straight double quotes (&quot;mailbox&quot;, &quot;archive&quot;, &quot;custom&quot;).</extracomment>
        <translation>doit être l’une des valeurs suivantes&#xa0;: %1</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>est obligatoire</translation>
    </message>
    <message>
        <source>must be a domain name such as example.com</source>
        <translation>doit être un nom de domaine comme example.com</translation>
    </message>
    <message>
        <source>must be a domain name</source>
        <translation>doit être un nom de domaine</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is listed twice</source>
        <translation>«&#xa0;%1&#xa0;» figure deux fois</translation>
    </message>
    <message>
        <source>must be a host name such as mail.example.com</source>
        <translation>doit être un nom d’hôte comme mail.example.com</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>ne doit pas être vide</translation>
    </message>
    <message>
        <source>must be an IPv4 or IPv6 address</source>
        <translation>doit être une adresse IPv4 ou IPv6</translation>
    </message>
    <message>
        <source>%1 port %2 is already used by another listener</source>
        <translation>%1, port %2, est déjà utilisé par un autre écouteur</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a network such as 192.168.0.0/16</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un réseau comme 192.168.0.0/16</translation>
    </message>
    <message>
        <source>certificate and key must be given together</source>
        <translation>le certificat et la clé doivent être indiqués ensemble</translation>
    </message>
    <message>
        <source>must not exceed smtp.max_connections</source>
        <extracomment>Keep smtp.max_connections as it is: it names a key in the configuration file.</extracomment>
        <translation>ne doit pas dépasser smtp.max_connections</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a local domain (server.domain or server.local_domains)</source>
        <extracomment>Keep server.domain and server.local_domains as they are: they name keys in the configuration file.</extracomment>
        <translation>«&#xa0;%1&#xa0;» n’est pas un domaine local (server.domain ou server.local_domains)</translation>
    </message>
    <message>
        <source>must be &quot;all&quot; or a list of local domains</source>
        <extracomment>Keep &quot;all&quot; as it is: it is the value written in the configuration file.</extracomment>
        <translation>doit être «&#xa0;all&#xa0;» ou une liste de domaines locaux</translation>
    </message>
    <message>
        <source>must be a mailbox name (letters, digits, . _ + -)</source>
        <translation>doit être un nom de boîte aux lettres (lettres, chiffres, . _ + -)</translation>
    </message>
    <message>
        <source>must be empty or an IP address</source>
        <translation>doit être vide ou une adresse IP</translation>
    </message>
    <message>
        <source>must be a host name or an IP address</source>
        <translation>doit être un nom d’hôte ou une adresse IP</translation>
    </message>
    <message>
        <source>must list at least one domain, *.domain or *</source>
        <translation>doit indiquer au moins un domaine, *.domaine ou *</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a domain, *.domain or *</source>
        <translation>«&#xa0;%1&#xa0;» doit être un domaine, *.domaine ou *</translation>
    </message>
    <message>
        <source>must list at least one interval</source>
        <translation>doit indiquer au moins un intervalle</translation>
    </message>
    <message>
        <source>must be less than give_up_after_hours</source>
        <extracomment>Keep give_up_after_hours as it is: it names a key in the configuration file.</extracomment>
        <translation>doit être inférieur à give_up_after_hours</translation>
    </message>
    <message>
        <source>must be a user name (letters, digits, . _ + -)</source>
        <translation>doit être un nom d’utilisateur (lettres, chiffres, . _ + -)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a local domain</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un domaine local</translation>
    </message>
    <message>
        <source>must be a hash made by &quot;tandemd user passwd&quot; (pbkdf2-sha256$...)</source>
        <extracomment>Keep the command &quot;tandemd user passwd&quot; and pbkdf2-sha256$... as they are.</extracomment>
        <translation>doit être une empreinte créée par «&#xa0;tandemd user passwd&#xa0;» (pbkdf2-sha256$...)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is wider than any LAN (/%2 at most) and would let anyone relay through smtp.listeners[%3], which does not require authentication</source>
        <extracomment>Keep smtp.listeners[%3] exactly as it is: the SMTP service dialog finds it and puts in its place &quot;this SMTP service&quot; or &quot;the SMTP service on 192.168.1.5 port 25&quot;, as translated in that dialog. Word the sentence so that such a phrase fits there unchanged.</extracomment>
        <translation>«&#xa0;%1&#xa0;» est plus large que tout réseau local (/%2 au plus) et permettrait à n’importe qui de relayer par smtp.listeners[%3], qui n’exige pas d’authentification</translation>
    </message>
    <message>
        <source>&quot;smtps&quot; needs smtp.tls.certificate and smtp.tls.key</source>
        <extracomment>Keep &quot;smtps&quot;, smtp.tls.certificate and smtp.tls.key as they are: they are a value and keys in the configuration file.</extracomment>
        <translation>«&#xa0;smtps&#xa0;» nécessite smtp.tls.certificate et smtp.tls.key</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 may be read by others; chmod 600 it</source>
        <translation>%1 est lisible par d’autres utilisateurs&#xa0;; appliquez-lui chmod 600</translation>
    </message>
    <message>
        <source>%1 must be {&quot;passwords&quot;: {&quot;[host]:port&quot;: &quot;...&quot;}}</source>
        <translation>%1 doit être de la forme {&quot;passwords&quot;: {&quot;[host]:port&quot;: &quot;...&quot;}}</translation>
    </message>
    <message>
        <source>not valid JSON at line %1: %2</source>
        <translation>JSON non valide à la ligne %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>must be a JSON object</source>
        <translation>doit être un objet JSON</translation>
    </message>
    <message>
        <source>%1 must be {&quot;passwords&quot;: {&quot;[host]:port&quot;: &quot;...&quot;}, &quot;tls_key_passphrase&quot;: &quot;...&quot;} (either key may be left out, not both)</source>
        <translation>%1 doit être {&quot;passwords&quot;: {&quot;[host]:port&quot;: &quot;...&quot;}, &quot;tls_key_passphrase&quot;: &quot;...&quot;} (l’une des deux clés peut manquer, pas les deux)</translation>
    </message>
    <message>
        <source>%1: tls_key_passphrase must be a string</source>
        <translation>%1&#xa0;: tls_key_passphrase doit être une chaîne</translation>
    </message>
    <message>
        <source>must be at least the largest message (smtp.max_message_bytes, %1 MiB)</source>
        <translation>doit contenir au moins le plus grand message (smtp.max_message_bytes, %1 Mio)</translation>
    </message>
    <message>
        <source>nobody could log in: AUTH is offered only under TLS, and there is none; configure smtp.tls, or set smtp.allow_plaintext_auth</source>
        <extracomment>Keep AUTH, smtp.tls and smtp.allow_plaintext_auth as they are: they are the SMTP command and keys in the configuration file.</extracomment>
        <translation>personne ne pourrait se connecter&#xa0;: AUTH n’est proposé que sous TLS, et il n’y en a pas&#xa0;; configurez smtp.tls, ou activez smtp.allow_plaintext_auth</translation>
    </message>
    <message>
        <source>%1 belongs to user %2, not to %3, the user tandemd runs as</source>
        <translation>%1 appartient à l’utilisateur %2, et non à %3, l’utilisateur sous lequel tourne tandemd</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a user (mailboxes.users)</source>
        <extracomment>Keep mailboxes.users as it is: it names a key in the configuration file.</extracomment>
        <translation>«&#xa0;%1&#xa0;» n’est pas un utilisateur (mailboxes.users)</translation>
    </message>
    <message>
        <source>must be a duration such as 12h, 30d, 2w or 7y (0 = never)</source>
        <extracomment>Keep 0, 12h, 30d, 2w and 7y as they are: they are written in the file.</extracomment>
        <translation>doit être une durée comme 12h, 30d, 2w ou 7y (0 = jamais)</translation>
    </message>
    <message>
        <source>superseded by archive_after and expire_after; ignored</source>
        <translation>remplacé par archive_after et expire_after&#xa0;; ignoré</translation>
    </message>
    <message>
        <source>must be 0 or at least archive_after</source>
        <extracomment>Keep archive_after as it is: it names a key in the configuration file.</extracomment>
        <translation>doit valoir 0 ou au moins archive_after</translation>
    </message>
</context>
<context>
    <name>tandem::ui::ArchivePolicyEditor</name>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>heures</translation>
    </message>
    <message>
        <source>days</source>
        <translation>jours</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>semaines</translation>
    </message>
    <message>
        <source>into the read-only archive store</source>
        <translation>dans le stockage d’archive en lecture seule</translation>
    </message>
    <message>
        <source>into the mailbox&apos;s Archive folder (visible over IMAP)</source>
        <translation>dans le dossier Archive de la boîte (visible par IMAP)</translation>
    </message>
    <message>
        <source>delete instead of archiving</source>
        <translation>supprimer au lieu d’archiver</translation>
    </message>
    <message>
        <source>years</source>
        <translation>ans</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>supprimer</translation>
    </message>
    <message>
        <source>export to an mbox file</source>
        <translation>exporter dans un fichier mbox</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> Mo</translation>
    </message>
    <message>
        <source>No cap</source>
        <translation>Aucune limite</translation>
    </message>
    <message>
        <source> %</source>
        <translation>&#xa0;%</translation>
    </message>
    <message>
        <source>Age at which a message leaves the live folders; Never (0) keeps it there.</source>
        <translation>Âge auquel un message quitte les dossiers actifs&#xa0;; Jamais (0) l’y garde.</translation>
    </message>
    <message>
        <source>&lt;p&gt;After how long a message leaves the live folders (INBOX, Sent and the others). A message&apos;s age is the time since it was filed here, not since it moved between folders. 0 (&lt;i&gt;Never&lt;/i&gt;) archives nothing.&lt;/p&gt;&lt;p&gt;Archiving happens in the maintenance runs, never while mail is delivered.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Au bout de combien de temps un message quitte les dossiers actifs (INBOX, Sent et les autres). L’âge d’un message est le temps écoulé depuis son classement ici, non depuis son déplacement entre dossiers. 0 (&lt;i&gt;Jamais&lt;/i&gt;) n’archive rien.&lt;/p&gt;&lt;p&gt;L’archivage a lieu pendant les passes de maintenance, jamais pendant la distribution.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Whether the number above counts hours, days or weeks.</source>
        <translation>Si le nombre ci-dessus compte des heures, des jours ou des semaines.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The unit of &lt;i&gt;Archive messages after&lt;/i&gt;: hours, days or weeks (a week is 7 days).&lt;/p&gt;</source>
        <translation>&lt;p&gt;L’unité de &lt;i&gt;Archiver les messages après&lt;/i&gt;&#xa0;: heures, jours ou semaines (une semaine compte 7 jours).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Where a message goes when it leaves the live folders.</source>
        <translation>Où va un message quand il quitte les dossiers actifs.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Into the read-only archive store&lt;/b&gt;: deep storage under data/archive, each distinct message stored once and compressed, not visible over IMAP and not changeable by anyone; every copy is recorded in the mailbox&apos;s ledger, which &lt;i&gt;verify&lt;/i&gt; proves untouched.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Into the mailbox&apos;s Archive folder&lt;/b&gt;: the message moves to the folder named Archive, where the user still sees it over IMAP.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Delete instead of archiving&lt;/b&gt;: the message is deleted at that age (unless it is on legal hold).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Dans le stockage d’archive en lecture seule&lt;/b&gt;&#xa0;: stockage profond sous data/archive, chaque message distinct stocké une seule fois et compressé, invisible par IMAP et non modifiable&#xa0;; chaque copie est inscrite au registre de la boîte, dont &lt;i&gt;verify&lt;/i&gt; prouve l’intégrité.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Dans le dossier Archive de la boîte&lt;/b&gt;&#xa0;: le message passe dans le dossier nommé Archive, où l’utilisateur le voit toujours par IMAP.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Supprimer au lieu d’archiver&lt;/b&gt;&#xa0;: le message est supprimé à cet âge (sauf s’il est sous conservation légale).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Age at which a message expires; Never (0) keeps it for ever.</source>
        <translation>Âge auquel un message expire&#xa0;; Jamais (0) le garde pour toujours.</translation>
    </message>
    <message>
        <source>&lt;p&gt;After how long a message expires, counted like the archiving age from when it was filed here; 0 (&lt;i&gt;Never&lt;/i&gt;) keeps it for ever. It must be 0 or at least the archiving age.&lt;/p&gt;&lt;p&gt;Nothing on legal hold ever expires.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Au bout de combien de temps un message expire, compté comme l’âge d’archivage depuis son classement ici&#xa0;; 0 (&lt;i&gt;Jamais&lt;/i&gt;) le garde pour toujours. La valeur doit être 0 ou au moins l’âge d’archivage.&lt;/p&gt;&lt;p&gt;Rien de ce qui est sous conservation légale n’expire.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Whether the number above counts days, weeks or years.</source>
        <translation>Si le nombre ci-dessus compte des jours, des semaines ou des années.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The unit of &lt;i&gt;Expire after&lt;/i&gt;: days, weeks or years (a year is 365 days).&lt;/p&gt;</source>
        <translation>&lt;p&gt;L’unité de &lt;i&gt;Expirer après&lt;/i&gt;&#xa0;: jours, semaines ou années (une année compte 365 jours).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>What becomes of an expired message: deleted, or exported first.</source>
        <translation>Ce que devient un message expiré&#xa0;: supprimé, ou d’abord exporté.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Delete&lt;/b&gt;: an expired message is removed from the store.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Export to an mbox file&lt;/b&gt;: it is written to the mailbox&apos;s mbox file in the export folder (mailboxes.archive.export_dir) before it is removed.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Supprimer&lt;/b&gt;&#xa0;: un message expiré est retiré du stockage.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Exporter dans un fichier mbox&lt;/b&gt;&#xa0;: il est écrit dans le fichier mbox de la boîte, dans le dossier d’export (mailboxes.archive.export_dir), avant d’être retiré.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The live mailbox&apos;s size cap in megabytes; No cap for none.</source>
        <translation>La limite de taille de la boîte active en mégaoctets&#xa0;; Aucune limite pour aucune.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The size the live mailbox may grow to, in megabytes; 0 (&lt;i&gt;No cap&lt;/i&gt;) for none.&lt;/p&gt;&lt;p&gt;On a Mailbox, mail for a full mailbox is answered 452 4.2.2 at RCPT: the sending server keeps it and tries again. An Archive never refuses mail for a local domain: it keeps storing, logs the fact, raises an alarm in the console and tells the postmaster.&lt;/p&gt;</source>
        <translation>&lt;p&gt;La taille que la boîte active peut atteindre, en mégaoctets&#xa0;; 0 (&lt;i&gt;Aucune limite&lt;/i&gt;) pour aucune.&lt;/p&gt;&lt;p&gt;Sur un serveur Boîtes aux lettres, le courrier pour une boîte pleine reçoit 452 4.2.2 au RCPT&#xa0;: le serveur expéditeur le garde et réessaie. Une Archive ne refuse jamais le courrier d’un domaine local&#xa0;: elle continue de stocker, le journalise, lève une alarme dans la console et prévient le postmaster.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The postmaster is told when a mailbox reaches this share of its cap.</source>
        <translation>Le postmaster est prévenu quand une boîte atteint cette part de sa limite.</translation>
    </message>
    <message>
        <source>&lt;p&gt;When a mailbox with a size cap reaches this percentage of it, the postmaster is sent a warning, so that there is time to act before mail is refused.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Quand une boîte à taille limitée en atteint ce pourcentage, le postmaster reçoit un avertissement, pour avoir le temps d’agir avant que le courrier soit refusé.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Archive messages &amp;after:</source>
        <translation>Archiver les messages &amp;après&#xa0;:</translation>
    </message>
    <message>
        <source>Archived mail &amp;goes:</source>
        <translation>Le courrier archivé &amp;va&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Expire after:</source>
        <translation>&amp;Expirer après&#xa0;:</translation>
    </message>
    <message>
        <source>On e&amp;xpiry:</source>
        <translation>À l’e&amp;xpiration&#xa0;:</translation>
    </message>
    <message>
        <source>Size &amp;limit:</source>
        <translation>&amp;Limite de taille&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Warn the postmaster at:</source>
        <translation>Avertir le post&amp;master à&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n an</numerusform>
            <numerusform>%n ans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n semaine</numerusform>
            <numerusform>%n semaines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n heure</numerusform>
            <numerusform>%n heures</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing archived</source>
        <translation>rien n’est archivé</translation>
    </message>
    <message>
        <source>archive after %1 into the store</source>
        <translation>archiver après %1 dans le stockage</translation>
    </message>
    <message>
        <source>move to the Archive folder after %1</source>
        <translation>déplacer dans le dossier Archive après %1</translation>
    </message>
    <message>
        <source>delete after %1</source>
        <translation>supprimer après %1</translation>
    </message>
    <message>
        <source>kept for ever</source>
        <translation>gardé pour toujours</translation>
    </message>
    <message>
        <source>exported to an mbox file and removed after %1</source>
        <translation>exporté dans un fichier mbox et retiré après %1</translation>
    </message>
    <message>
        <source>deleted after %1</source>
        <translation>supprimé après %1</translation>
    </message>
    <message>
        <source>size cap %1 MB, warning at %2 %</source>
        <translation>limite de taille %1&#xa0;Mo, avertissement à %2&#xa0;%</translation>
    </message>
</context>
<context>
    <name>tandem::ui::ArchiveSearch</name>
    <message>
        <source>No configuration is loaded: there is no archive to use.</source>
        <translation>Aucune configuration n’est chargée&#xa0;: il n’y a pas d’archive à utiliser.</translation>
    </message>
</context>
<context>
    <name>tandem::ui::CopyBackDialog</name>
    <message>
        <source>Copy to mailbox</source>
        <translation>Copier dans une boîte aux lettres</translation>
    </message>
    <message numerus="yes">
        <source>A new copy of the %n chosen message(s) goes into the mailbox, as if delivered again. The archived originals stay where they are, and the mailbox&apos;s ledger records each copy.</source>
        <translation>
            <numerusform>Une nouvelle copie du message choisi va dans la boîte aux lettres, comme s’il était de nouveau distribué. L’original archivé reste où il est, et le registre de la boîte inscrit la copie.</numerusform>
            <numerusform>Une nouvelle copie de chacun des %n messages choisis va dans la boîte aux lettres, comme s’ils étaient de nouveau distribués. Les originaux archivés restent où ils sont, et le registre de la boîte inscrit chaque copie.</numerusform>
        </translation>
    </message>
    <message>
        <source>user@example.com</source>
        <translation>utilisateur@example.com</translation>
    </message>
    <message>
        <source>A mailbox on this server. One that does not exist yet is created, as for new mail.</source>
        <translation>Une boîte aux lettres de ce serveur. Une boîte qui n’existe pas encore est créée, comme pour du courrier nouveau.</translation>
    </message>
    <message>
        <source>Into its &amp;INBOX</source>
        <translation>Dans sa boîte de réception (&amp;INBOX)</translation>
    </message>
    <message>
        <source>The copies appear among the user&apos;s new mail.</source>
        <translation>Les copies apparaissent parmi le nouveau courrier de l’utilisateur.</translation>
    </message>
    <message>
        <source>Into a “&amp;Restored” folder</source>
        <translation>Dans un dossier «&#xa0;&amp;Restored&#xa0;»</translation>
    </message>
    <message>
        <source>The copies go into a folder of their own, apart from the user&apos;s new mail.</source>
        <translation>Les copies vont dans un dossier à part, séparé du nouveau courrier de l’utilisateur.</translation>
    </message>
    <message>
        <source>&amp;Mailbox:</source>
        <translation>&amp;Boîte aux lettres&#xa0;:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Dossier&#xa0;:</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
</context>
<context>
    <name>tandem::ui::EntryDetailsDialog</name>
    <message>
        <source>Queue entry %1</source>
        <translation>Entrée de file %1</translation>
    </message>
    <message>
        <source>Entry:</source>
        <translation>Entrée&#xa0;:</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Message&#xa0;:</translation>
    </message>
    <message>
        <source>From (MAIL FROM):</source>
        <translation>Expéditeur (MAIL FROM)&#xa0;:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Objet&#xa0;:</translation>
    </message>
    <message>
        <source>Received from:</source>
        <translation>Reçu de&#xa0;:</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>Reçu&#xa0;:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Taille&#xa0;:</translation>
    </message>
    <message>
        <source>Next hop:</source>
        <translation>Prochain saut&#xa0;:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>État&#xa0;:</translation>
    </message>
    <message>
        <source>Attempts:</source>
        <translation>Tentatives&#xa0;:</translation>
    </message>
    <message>
        <source>Next attempt:</source>
        <translation>Prochaine tentative&#xa0;:</translation>
    </message>
    <message>
        <source>Delivery notices:</source>
        <translation>Avis de remise&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Envelope and recipients</source>
        <translation>&amp;Enveloppe et destinataires</translation>
    </message>
    <message>
        <source>&amp;Attempts</source>
        <translation>&amp;Tentatives</translation>
    </message>
    <message>
        <source>&amp;Headers</source>
        <translation>En-&amp;têtes</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <source>Last reply</source>
        <translation>Dernière réponse</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Asking the engine…</source>
        <translation>Interrogation du moteur…</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>en file</translation>
    </message>
    <message>
        <source>delivering</source>
        <translation>remise en cours</translation>
    </message>
    <message>
        <source>deferred</source>
        <translation>différé</translation>
    </message>
    <message>
        <source>held</source>
        <translation>retenu</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>remis</translation>
    </message>
    <message>
        <source>failed, sender told</source>
        <translation>échec, expéditeur prévenu</translation>
    </message>
    <message>
        <source>stored here</source>
        <translation>stocké ici</translation>
    </message>
    <message>
        <source>returned to sender</source>
        <translation>renvoyé à l’expéditeur</translation>
    </message>
    <message>
        <source>left the Outbox</source>
        <translation>a quitté la boîte d’envoi</translation>
    </message>
    <message>
        <source>Entry %1 is no longer in the queue: it was delivered, returned or deleted.</source>
        <translation>L’entrée %1 n’est plus dans la file&#xa0;: elle a été remise, renvoyée ou supprimée.</translation>
    </message>
    <message>
        <source>&lt;&gt; (the null sender of a notice)</source>
        <translation>&lt;&gt; (l’expéditeur vide d’un avis)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>made by this server</source>
        <translation>créé par ce serveur</translation>
    </message>
    <message>
        <source>%1 (greeted as %2)</source>
        <translation>%1 (s’est présenté comme %2)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln byte(s)</source>
        <translation>
            <numerusform>%Ln octet</numerusform>
            <numerusform>%Ln octets</numerusform>
        </translation>
    </message>
    <message>
        <source>when released</source>
        <translation>à la libération</translation>
    </message>
    <message>
        <source>as the receiving servers decide (none asked for)</source>
        <translation>selon les serveurs destinataires (aucun demandé)</translation>
    </message>
</context>
<context>
    <name>tandem::ui::ExportDialog</name>
    <message>
        <source>Export messages</source>
        <translation>Exporter des messages</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message numerus="yes">
        <source>The %n &amp;chosen message(s)</source>
        <translation>
            <numerusform>Le message &amp;choisi</numerusform>
            <numerusform>Les %n messages &amp;choisis</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;All messages found</source>
        <translation>&amp;Tous les messages trouvés</translation>
    </message>
    <message>
        <source>&amp;All %1 messages found</source>
        <translation>&amp;Tous les %1 messages trouvés</translation>
    </message>
    <message>
        <source>Every copy the query finds, in the order shown, also those not scrolled to yet</source>
        <translation>Chaque copie que trouve la requête, dans l’ordre affiché, y compris celles pas encore affichées</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>One &amp;mbox file</source>
        <translation>Un fichier &amp;mbox</translation>
    </message>
    <message>
        <source>Every message in one file (mboxrd), as mail programs import it; each copy with its Return-Path: and Delivered-To: lines</source>
        <translation>Tous les messages dans un fichier (mboxrd), comme les logiciels de messagerie l’importent&#xa0;; chaque copie avec ses lignes Return-Path: et Delivered-To:</translation>
    </message>
    <message>
        <source>A folder of .&amp;eml files</source>
        <translation>Un dossier de fichiers .&amp;eml</translation>
    </message>
    <message>
        <source>One file per message, the original byte for byte</source>
        <translation>Un fichier par message, l’original octet pour octet</translation>
    </message>
    <message>
        <source>One &amp;zip file of .eml files</source>
        <translation>Un fichier &amp;zip de fichiers .eml</translation>
    </message>
    <message>
        <source>The .eml files packed into one zip file, to send on</source>
        <translation>Les fichiers .eml réunis dans un fichier zip, à transmettre</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Parc&amp;ourir…</translation>
    </message>
    <message>
        <source>Save &amp;to:</source>
        <translation>Enregistrer &amp;sous&#xa0;:</translation>
    </message>
    <message>
        <source>Each exported message is recorded in its mailbox&apos;s ledger. The archived originals stay.</source>
        <translation>Chaque message exporté est inscrit au registre de sa boîte aux lettres. Les originaux archivés restent.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Folder for the .eml files</source>
        <translation>Dossier des fichiers .eml</translation>
    </message>
    <message>
        <source>mbox files (*.mbox)</source>
        <translation>Fichiers mbox (*.mbox)</translation>
    </message>
    <message>
        <source>zip files (*.zip)</source>
        <translation>Fichiers zip (*.zip)</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exporter vers</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>Remplacer le fichier&#xa0;?</translation>
    </message>
    <message>
        <source>%1 exists. Replace it with the export?</source>
        <translation>%1 existe. Le remplacer par l’export&#xa0;?</translation>
    </message>
</context>
<context>
    <name>tandem::ui::InboxPropertiesDialog</name>
    <message>
        <source>Inbox Properties</source>
        <translation>Propriétés de la Boîte de réception</translation>
    </message>
    <message>
        <source>&amp;Passthrough</source>
        <translation>&amp;Transit</translation>
    </message>
    <message>
        <source>&amp;Undelivered Mail</source>
        <translation>Courrier &amp;non distribué</translation>
    </message>
    <message>
        <source>Domains the passthrough applies to</source>
        <translation>Domaines concernés par le transit</translation>
    </message>
    <message>
        <source>All domains</source>
        <translation>Tous les domaines</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Copies</translation>
    </message>
    <message>
        <source>Copy all mail to sender&apos;s Sent items</source>
        <translation>Copier tout le courrier dans les Éléments envoyés de l’expéditeur</translation>
    </message>
    <message>
        <source>Create mailbox if necessary</source>
        <translation>Créer la boîte aux lettres si nécessaire</translation>
    </message>
    <message>
        <source>Copy all mail for local domains to Outbox</source>
        <translation>Copier tout le courrier des domaines locaux dans la Boîte d’envoi</translation>
    </message>
    <message>
        <source>Copy all mail without Received: headers to Outbox</source>
        <translation>Copier tout le courrier sans en-têtes Received: dans la Boîte d’envoi</translation>
    </message>
    <message>
        <source>Mail for a local address that has no mailbox</source>
        <translation>Courrier pour une adresse locale sans boîte aux lettres</translation>
    </message>
    <message>
        <source>Return undelivered mail to sender</source>
        <translation>Renvoyer le courrier non distribué à l’expéditeur</translation>
    </message>
    <message>
        <source>Create mailbox and store</source>
        <translation>Créer la boîte aux lettres et stocker</translation>
    </message>
    <message>
        <source>Forward to mailbox</source>
        <translation>Transférer vers la boîte aux lettres</translation>
    </message>
    <message>
        <source>postmaster</source>
        <translation>postmaster</translation>
    </message>
    <message>
        <source>Make the copies below for mail of every local domain.</source>
        <translation>Faire les copies ci-dessous pour le courrier de tous les domaines locaux.</translation>
    </message>
    <message>
        <source>&lt;p&gt;When ticked, the passthrough copies below are made for the primary domain and every other local domain, including domains added later. Untick it to choose the domains in the list.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Coché, les copies de transit ci-dessous sont faites pour le domaine principal et chaque autre domaine local, y compris ceux ajoutés plus tard. Décochez-le pour choisir les domaines dans la liste.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The local domains whose mail the copies below are made for.</source>
        <translation>Les domaines locaux dont le courrier fait l’objet des copies ci-dessous.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Only mail to and from the ticked domains is copied to the Outbox or to the sender&apos;s Sent items; mail of the other local domains is only stored here.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Seul le courrier à destination et en provenance des domaines cochés est copié dans la boîte d’envoi ou dans les éléments envoyés de l’expéditeur&#xa0;; le courrier des autres domaines locaux est seulement stocké ici.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>File a copy of mail from a local sender in that mailbox&apos;s Sent folder.</source>
        <translation>Classer une copie du courrier d’un expéditeur local dans le dossier Sent de sa boîte aux lettres.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Copy all mail to sender&apos;s Sent items&lt;/b&gt;: when the envelope sender (MAIL FROM) is a local address and the message comes from a trusted or authenticated client, a copy is stored in that mailbox&apos;s &lt;i&gt;Sent&lt;/i&gt; folder — for mail to local and remote recipients alike. Mail with the null sender (&amp;lt;&amp;gt;), such as delivery reports, has no Sent copy.&lt;/p&gt;&lt;p&gt;On in the Archive role, off in the Mailbox role.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Copier tout le courrier dans les Éléments envoyés de l’expéditeur&lt;/b&gt;&#xa0;: lorsque l’expéditeur de l’enveloppe (MAIL FROM) est une adresse locale et que le message vient d’un client de confiance ou authentifié, une copie est stockée dans le dossier &lt;i&gt;Sent&lt;/i&gt; de cette boîte aux lettres — pour le courrier vers des destinataires locaux comme distants. Le courrier à l’expéditeur vide (&amp;lt;&amp;gt;), comme les avis de remise, n’a pas de copie.&lt;/p&gt;&lt;p&gt;Activé dans le rôle Archive, désactivé dans le rôle Boîtes aux lettres.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Make a missing sender&apos;s mailbox from the template for its Sent copy.</source>
        <translation>Créer à partir du modèle la boîte aux lettres manquante d’un expéditeur pour sa copie.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Create mailbox if necessary&lt;/b&gt;: a passthrough copy (Sent items) for a local address that has no mailbox creates the mailbox from the mailbox template, instead of being dropped.&lt;/p&gt;&lt;p&gt;On in the Archive role, off in the Mailbox role.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Créer la boîte aux lettres si nécessaire&lt;/b&gt;&#xa0;: une copie de transit (éléments envoyés) pour une adresse locale sans boîte aux lettres crée la boîte à partir du modèle, au lieu d’être abandonnée.&lt;/p&gt;&lt;p&gt;Activé dans le rôle Archive, désactivé dans le rôle Boîtes aux lettres.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Also queue every message for local recipients in the Outbox, so that the Archive gets a copy.</source>
        <translation>Mettre aussi chaque message pour des destinataires locaux dans la boîte d’envoi, pour que l’Archive en reçoive une copie.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Copy all mail for local domains to Outbox&lt;/b&gt;: every accepted message that has local recipients is, besides being delivered to their mailboxes, queued in the Outbox for those same recipients, and leaves by the Outbox&apos;s route (so the Archive gets it). A message with local and remote recipients leaves as one transaction carrying all of them to the same next hop.&lt;/p&gt;&lt;p&gt;On in the Mailbox role, off in the Archive role.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Copier tout le courrier des domaines locaux dans la Boîte d’envoi&lt;/b&gt;&#xa0;: chaque message accepté qui a des destinataires locaux est, en plus d’être remis dans leurs boîtes aux lettres, mis dans la boîte d’envoi pour ces mêmes destinataires, et part par la route de la boîte d’envoi (ainsi l’Archive le reçoit). Un message aux destinataires locaux et distants part en une seule transaction qui les porte tous vers le même prochain saut.&lt;/p&gt;&lt;p&gt;Activé dans le rôle Boîtes aux lettres, désactivé dans le rôle Archive.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Send mail with no Received: header of another server through the Outbox, even for local recipients.</source>
        <translation>Envoyer par la boîte d’envoi le courrier sans en-tête Received: d’un autre serveur, même pour des destinataires locaux.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Copy all mail without Received: headers to Outbox&lt;/b&gt;: a message that carries no Received: header apart from the one this server adds on acceptance — one this server made itself, such as a delivery failure report, or one handed in directly by a mail client — is routed through the Outbox even when its recipients are local, instead of being stored here.&lt;/p&gt;&lt;p&gt;On an Archive this sends its bounces back to the Mailbox machine, where the users read them; the Mailbox then passes its usual copy back, so the Archive still files the bounce exactly once. On in the Archive role, off in the Mailbox role.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Copier tout le courrier sans en-têtes Received: dans la Boîte d’envoi&lt;/b&gt;&#xa0;: un message qui ne porte aucun en-tête Received: hormis celui que ce serveur ajoute à l’acceptation — un message créé par ce serveur, comme un avis de non-remise, ou remis directement par un client de messagerie — passe par la boîte d’envoi même si ses destinataires sont locaux, au lieu d’être stocké ici.&lt;/p&gt;&lt;p&gt;Sur une Archive, cela renvoie ses avis de non-remise à la machine des boîtes aux lettres, où les utilisateurs les lisent&#xa0;; celle-ci renvoie ensuite sa copie habituelle, et l’Archive classe quand même l’avis une seule fois. Activé dans le rôle Archive, désactivé dans le rôle Boîtes aux lettres.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Refuse mail for a local address without a mailbox (550 5.1.1), or return it.</source>
        <translation>Refuser le courrier pour une adresse locale sans boîte aux lettres (550 5.1.1), ou le renvoyer.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Return to sender&lt;/b&gt;: a recipient in a local domain with no mailbox is refused at RCPT with 550 5.1.1 while the SMTP session is open, so that the sending server returns the message and no backscatter is made. When it can only be found out after acceptance, a delivery status notification (RFC 3464) goes back to the envelope sender.&lt;/p&gt;&lt;p&gt;The Mailbox role&apos;s choice.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Renvoyer à l’expéditeur&lt;/b&gt;&#xa0;: un destinataire d’un domaine local sans boîte aux lettres est refusé au RCPT par 550 5.1.1 tant que la session SMTP est ouverte, afin que le serveur expéditeur renvoie le message sans rétrodiffusion. Si cela n’apparaît qu’après l’acceptation, un avis d’état de remise (RFC 3464) est renvoyé à l’expéditeur de l’enveloppe.&lt;/p&gt;&lt;p&gt;Le choix du rôle Boîtes aux lettres.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Make the mailbox from the template and store the message in it.</source>
        <translation>Créer la boîte aux lettres à partir du modèle et y stocker le message.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Create mailbox and store&lt;/b&gt;: the mailbox is created from the mailbox template and the message stored, so an Archive never refuses or bounces mail for a local domain. Mailboxes are made only for mail from trusted or authenticated clients; an outsider&apos;s mail goes to the catch-all mailbox.&lt;/p&gt;&lt;p&gt;The Archive role&apos;s choice.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Créer la boîte aux lettres et stocker&lt;/b&gt;&#xa0;: la boîte est créée à partir du modèle et le message stocké&#xa0;; ainsi une Archive ne refuse ni ne renvoie jamais de courrier pour un domaine local. Les boîtes ne sont créées que pour le courrier de clients de confiance ou authentifiés&#xa0;; le courrier d’un inconnu va dans la boîte fourre-tout.&lt;/p&gt;&lt;p&gt;Le choix du rôle Archive.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Store mail for unknown local addresses in one catch-all mailbox.</source>
        <translation>Stocker le courrier des adresses locales inconnues dans une boîte fourre-tout.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Forward to mailbox&lt;/b&gt;: mail for a local address without a mailbox is stored in the mailbox named here (for example postmaster), where someone reads it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Transférer vers la boîte aux lettres&lt;/b&gt;&#xa0;: le courrier pour une adresse locale sans boîte aux lettres est stocké dans la boîte nommée ici (par exemple postmaster), où quelqu’un le lit.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The catch-all mailbox, such as postmaster.</source>
        <translation>La boîte fourre-tout, comme postmaster.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The mailbox, in the recipient&apos;s local domain, that takes mail for unknown local addresses when &lt;i&gt;Forward to mailbox&lt;/i&gt; is chosen, and an outsider&apos;s mail on an Archive that creates mailboxes.&lt;/p&gt;</source>
        <translation>&lt;p&gt;La boîte aux lettres, dans le domaine local du destinataire, qui reçoit le courrier des adresses locales inconnues quand &lt;i&gt;Transférer vers la boîte aux lettres&lt;/i&gt; est choisi, et le courrier d’un inconnu sur une Archive qui crée des boîtes.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Default archive settings (the template for mailboxes)</source>
        <translation>Réglages d’archivage par défaut (le modèle des boîtes aux lettres)</translation>
    </message>
    <message>
        <source>Mailboxes follow these settings unless their own Archive tab (Mailboxes dialog) says otherwise. A message&apos;s age counts from when it was filed here, and nothing on legal hold expires. A Mailbox answers mail for a full mailbox with 452 4.2.2 (the sender retries); an Archive never refuses it, and raises an alarm instead.</source>
        <translation>Les boîtes aux lettres suivent ces réglages, sauf si leur propre onglet Archive (dialogue Boîtes aux lettres) dit autrement. L’âge d’un message compte depuis son classement ici, et rien de ce qui est sous conservation légale n’expire. Un serveur Boîtes aux lettres répond au courrier pour une boîte pleine par 452 4.2.2 (l’expéditeur réessaie)&#xa0;; une Archive ne le refuse jamais et lève une alarme à la place.</translation>
    </message>
</context>
<context>
    <name>tandem::ui::LogModel</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Composant</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Queue id</source>
        <translation>ID de file</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
</context>
<context>
    <name>tandem::ui::LogWindow</name>
    <message>
        <source>Record SMTP transcripts</source>
        <translation>Enregistrer les transcriptions SMTP</translation>
    </message>
    <message>
        <source>Debug and above</source>
        <translation>Débogage et au-delà</translation>
    </message>
    <message>
        <source>Information and above</source>
        <translation>Information et au-delà</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Avertissements et erreurs</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Erreurs uniquement</translation>
    </message>
    <message>
        <source>Queue id</source>
        <translation>ID de file</translation>
    </message>
    <message>
        <source>Log every command and reply of every SMTP session (passwords are masked). Double-click a line to see its session.</source>
        <translation>Journaliser chaque commande et chaque réponse de toutes les sessions SMTP (les mots de passe sont masqués). Double-cliquez sur une ligne pour voir sa session.</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>Affi&amp;cher&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Queue id:</source>
        <translation>&amp;ID de file&#xa0;:</translation>
    </message>
    <message>
        <source>Back to all events</source>
        <translation>Retour à tous les événements</translation>
    </message>
    <message>
        <source>Session %1 — every event and, when recorded, its transcript</source>
        <translation>Session %1 — tous les événements et, si elle a été enregistrée, sa transcription</translation>
    </message>
</context>
<context>
    <name>tandem::ui::MailboxesDialog</name>
    <message>
        <source>Mailboxes</source>
        <translation>Boîtes aux lettres</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>alice or alice@other.example</source>
        <translation>alice ou alice@other.example</translation>
    </message>
    <message>
        <source>&amp;Add User</source>
        <translation>&amp;Ajouter l’utilisateur</translation>
    </message>
    <message>
        <source>&amp;Set Password</source>
        <translation>&amp;Définir le mot de passe</translation>
    </message>
    <message>
        <source>&amp;Remove User</source>
        <translation>&amp;Supprimer l’utilisateur</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Select a user to set a new password or remove them. A user without a password has a mailbox but cannot log in.</source>
        <translation>Sélectionnez un utilisateur pour lui définir un nouveau mot de passe ou le supprimer. Un utilisateur sans mot de passe a une boîte aux lettres mais ne peut pas se connecter.</translation>
    </message>
    <message>
        <source>Mailboxes on disk</source>
        <translation>Boîtes aux lettres sur le disque</translation>
    </message>
    <message>
        <source>No mailbox has been created yet.</source>
        <translation>Aucune boîte aux lettres n’a encore été créée.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>set</source>
        <translation>défini</translation>
    </message>
    <message>
        <source>Select the user first.</source>
        <translation>Sélectionnez d’abord l’utilisateur.</translation>
    </message>
    <message>
        <source>Type the new password first.</source>
        <translation>Saisissez d’abord le nouveau mot de passe.</translation>
    </message>
    <message>
        <source>Reading the data folder…</source>
        <translation>Lecture du dossier de données…</translation>
    </message>
    <message>
        <source>postmaster@ of every local domain, and the mail system&apos;s notices to the postmaster</source>
        <translation>postmaster@ de chaque domaine local, et les avis du système de messagerie au postmaster</translation>
    </message>
    <message>
        <source>Mail to p&amp;ostmaster goes to:</source>
        <translation>Le courrier pour &amp;postmaster va à&#xa0;:</translation>
    </message>
    <message>
        <source>The users of the local domains; select one to change it.</source>
        <translation>Les utilisateurs des domaines locaux&#xa0;; sélectionnez-en un pour le modifier.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The users who receive mail here and, with a password, log in to send it. A user&apos;s mailbox is made when mail is first stored for it. Select one to set a new password or remove it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Les utilisateurs qui reçoivent du courrier ici et, avec un mot de passe, se connectent pour en envoyer. La boîte d’un utilisateur est créée au premier courrier stocké pour lui. Sélectionnez-en un pour définir un nouveau mot de passe ou le supprimer.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>alice (primary domain) or alice@other.example.</source>
        <translation>alice (domaine principal) ou alice@other.example.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The user&apos;s name: alice for the primary domain, or alice@other.example for another local domain. Letters of any script, digits and . _ + - are allowed; it is kept in lower case.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Le nom de l’utilisateur&#xa0;: alice pour le domaine principal, ou alice@other.example pour un autre domaine local. Les lettres de toute écriture, les chiffres et . _ + - sont permis&#xa0;; il est conservé en minuscules.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The user&apos;s password for logging in; empty for none.</source>
        <translation>Le mot de passe de connexion de l’utilisateur&#xa0;; vide pour aucun.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The password the user logs in with to send mail. Only a salted hash (PBKDF2-SHA256) is written to the configuration file. A user without a password receives mail but cannot log in.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Le mot de passe avec lequel l’utilisateur se connecte pour envoyer du courrier. Seule une empreinte salée (PBKDF2-SHA256) est écrite dans le fichier de configuration. Un utilisateur sans mot de passe reçoit du courrier mais ne peut pas se connecter.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The mailboxes in the data folder.</source>
        <translation>Les boîtes aux lettres du dossier de données.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The mailboxes that exist in the data folder, read by the engine. A mailbox is made when mail is first stored for it; removing a user keeps its mailbox.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Les boîtes aux lettres présentes dans le dossier de données, lues par le moteur. Une boîte est créée au premier courrier stocké pour elle&#xa0;; supprimer un utilisateur conserve sa boîte.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Who reads mail to postmaster@ of every local domain (RFC 5321 requires that address), the mail system&apos;s notices to the postmaster and undeliverable mail with no sender to return it to. Choose a user to have it in that user&apos;s mailbox, or a mailbox of its own named postmaster, made when first needed. A user chosen here cannot be removed until another is chosen.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Qui lit le courrier adressé à postmaster@ de chaque domaine local (la RFC 5321 exige cette adresse), les avis du système de messagerie au postmaster et le courrier non distribuable sans expéditeur à qui le renvoyer. Choisissez un utilisateur pour le recevoir dans sa boîte, ou une boîte à part nommée postmaster, créée au premier besoin. Un utilisateur choisi ici ne peut être supprimé qu&apos;une fois un autre choisi.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>A mailbox is created when mail is first stored for it. Double-click one to see its Archive tab.</source>
        <translation>Une boîte aux lettres est créée quand du courrier y est stocké pour la première fois. Double-cliquez sur l’une d’elles pour voir son onglet Archive.</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>&amp;Utilisateurs</translation>
    </message>
    <message>
        <source>Ar&amp;chive</source>
        <translation>A&amp;rchive</translation>
    </message>
    <message>
        <source>The mailbox whose archive settings, hold and figures are shown.</source>
        <translation>La boîte dont les réglages d’archivage, la conservation et les chiffres sont affichés.</translation>
    </message>
    <message>
        <source>&lt;p&gt;A mailbox of the data folder. Its archive settings below are saved with OK; a legal hold is recorded at once.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Une boîte aux lettres du dossier de données. Ses réglages d’archivage ci-dessous sont enregistrés avec OK&#xa0;; une conservation légale est inscrite aussitôt.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Mailbox:</source>
        <translation>&amp;Boîte aux lettres&#xa0;:</translation>
    </message>
    <message>
        <source>Archive settings of this mailbox</source>
        <translation>Réglages d’archivage de cette boîte</translation>
    </message>
    <message>
        <source>Do &amp;not archive this mailbox</source>
        <translation>Ne &amp;pas archiver cette boîte</translation>
    </message>
    <message>
        <source>Use &amp;default archive settings</source>
        <translation>Utiliser les réglages d’archivage par &amp;défaut</translation>
    </message>
    <message>
        <source>Archive using settings &amp;below</source>
        <translation>Archiver selon les réglages &amp;ci-dessous</translation>
    </message>
    <message>
        <source>Nothing of this mailbox is archived or expires.</source>
        <translation>Rien de cette boîte n’est archivé ni n’expire.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The mailbox keeps all its mail in its live folders: nothing is archived, moved or expired. Its size cap is the default settings&apos;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;La boîte garde tout son courrier dans ses dossiers actifs&#xa0;: rien n’est archivé, déplacé ni expiré. Sa limite de taille est celle des réglages par défaut.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Follow the default archive settings (Inbox Properties › Undelivered Mail).</source>
        <translation>Suivre les réglages d’archivage par défaut (Propriétés de la boîte de réception › Courrier non distribué).</translation>
    </message>
    <message>
        <source>&lt;p&gt;The mailbox follows the default archive settings, the template on the Undelivered Mail tab of Inbox Properties, including later changes to it. They are shown below.&lt;/p&gt;</source>
        <translation>&lt;p&gt;La boîte suit les réglages d’archivage par défaut, le modèle de l’onglet Courrier non distribué des Propriétés de la boîte de réception, y compris leurs changements ultérieurs. Ils sont affichés ci-dessous.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>This mailbox has archive settings of its own, set below.</source>
        <translation>Cette boîte a ses propres réglages d’archivage, définis ci-dessous.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The settings below apply to this mailbox only, whatever the default settings say.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Les réglages ci-dessous ne s’appliquent qu’à cette boîte, quoi que disent les réglages par défaut.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Legal hold</source>
        <translation>Conservation légale</translation>
    </message>
    <message>
        <source>Legal &amp;hold on this mailbox</source>
        <translation>Con&amp;servation légale de cette boîte</translation>
    </message>
    <message>
        <source>Hold the whole a&amp;rchive</source>
        <translation>Conserver toute l’arc&amp;hive</translation>
    </message>
    <message>
        <source>While held, nothing of this mailbox expires or is deleted.</source>
        <translation>Tant qu’elle est conservée, rien de cette boîte n’expire ni n’est supprimé.</translation>
    </message>
    <message>
        <source>&lt;p&gt;A legal hold keeps every message of the mailbox: nothing expires, and no path deletes it (expiry, the queue window, the command line, removing the mailbox). Setting or clearing it asks for the reason, and takes effect at once: the time, who and the reason are recorded in the mailbox&apos;s ledger.&lt;/p&gt;</source>
        <translation>&lt;p&gt;La conservation légale garde chaque message de la boîte&#xa0;: rien n’expire, et aucun chemin ne le supprime (expiration, fenêtre de file d’attente, ligne de commande, suppression de la boîte). La poser ou la lever demande la raison et prend effet aussitôt&#xa0;: l’heure, l’auteur et la raison sont inscrits au registre de la boîte.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>While held, nothing in the whole archive expires or is deleted.</source>
        <translation>Tant qu’elle est conservée, rien dans toute l’archive n’expire ni n’est supprimé.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The archive-wide hold: as a legal hold on every mailbox, those made later too. Setting or clearing it asks for the reason and is recorded at once in every mailbox&apos;s ledger.&lt;/p&gt;</source>
        <translation>&lt;p&gt;La conservation de toute l’archive&#xa0;: comme une conservation légale sur chaque boîte, y compris celles créées plus tard. La poser ou la lever demande la raison et est inscrit aussitôt au registre de chaque boîte.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>In the archive</source>
        <translation>Dans l’archive</translation>
    </message>
    <message>
        <source>Archive n&amp;ow</source>
        <translation>Arch&amp;iver maintenant</translation>
    </message>
    <message>
        <source>&amp;Verify now</source>
        <translation>Vérifier mainte&amp;nant</translation>
    </message>
    <message>
        <source>A maintenance run of this mailbox now, by the running engine.</source>
        <translation>Une passe de maintenance de cette boîte maintenant, par le moteur en marche.</translation>
    </message>
    <message>
        <source>Recompute this mailbox&apos;s stored messages&apos; hashes and its ledger now.</source>
        <translation>Recalculer maintenant les empreintes des messages stockés de cette boîte et son registre.</translation>
    </message>
    <message>
        <source>Live:</source>
        <translation>Actifs&#xa0;:</translation>
    </message>
    <message>
        <source>Archived:</source>
        <translation>Archivés&#xa0;:</translation>
    </message>
    <message>
        <source>Expired:</source>
        <translation>Expirés&#xa0;:</translation>
    </message>
    <message>
        <source>Last archiving run:</source>
        <translation>Dernier archivage&#xa0;:</translation>
    </message>
    <message>
        <source>Last verification:</source>
        <translation>Dernière vérification&#xa0;:</translation>
    </message>
    <message>
        <source>Archiving %1…</source>
        <translation>Archivage de %1…</translation>
    </message>
    <message>
        <source>The engine is not running: start it to archive now.</source>
        <translation>Le moteur ne tourne pas&#xa0;: démarrez-le pour archiver maintenant.</translation>
    </message>
    <message>
        <source>Verifying %1…</source>
        <translation>Vérification de %1…</translation>
    </message>
    <message>
        <source>The engine is not running: start it to verify now.</source>
        <translation>Le moteur ne tourne pas&#xa0;: démarrez-le pour vérifier maintenant.</translation>
    </message>
    <message>
        <source>The archive is shown when the engine&apos;s host is at hand.</source>
        <translation>L’archive s’affiche quand l’hôte du moteur est disponible.</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Lecture…</translation>
    </message>
    <message>
        <source>The archive is not held as a whole.</source>
        <translation>L’archive n’est pas conservée dans son ensemble.</translation>
    </message>
    <message>
        <source>Not held on its own; the archive-wide hold keeps it.</source>
        <translation>Pas conservée en propre&#xa0;; la conservation de toute l’archive la garde.</translation>
    </message>
    <message>
        <source>Not held.</source>
        <translation>Pas conservée.</translation>
    </message>
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
    <message>
        <source>%1, clean</source>
        <translation>%1, intacte</translation>
    </message>
    <message>
        <source>%1, problem: %2</source>
        <translation>%1, problème&#xa0;: %2</translation>
    </message>
    <message>
        <source>Set a legal hold</source>
        <translation>Poser une conservation légale</translation>
    </message>
    <message>
        <source>Clear a legal hold</source>
        <translation>Lever une conservation légale</translation>
    </message>
    <message>
        <source>the whole archive</source>
        <translation>toute l’archive</translation>
    </message>
    <message>
        <source>Why is %1 put on legal hold? The reason is recorded in the ledger with the time and your name.</source>
        <translation>Pourquoi placer %1 sous conservation légale&#xa0;? La raison est inscrite au registre avec l’heure et votre nom.</translation>
    </message>
    <message>
        <source>Why is the legal hold on %1 cleared? Once cleared, its mail expires again by its settings. The reason is recorded in the ledger with the time and your name.</source>
        <translation>Pourquoi lever la conservation légale de %1&#xa0;? Ensuite, son courrier expire de nouveau selon ses réglages. La raison est inscrite au registre avec l’heure et votre nom.</translation>
    </message>
    <message>
        <source>For example: litigation 2026-17, requested by counsel</source>
        <translation>Par exemple&#xa0;: litige 2026-17, à la demande des avocats</translation>
    </message>
    <message>
        <source>Required: why the hold is set or cleared.</source>
        <translation>Obligatoire&#xa0;: pourquoi la conservation est posée ou levée.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The reason for setting or clearing the hold, recorded in the ledger with the time and who did it. It cannot be left empty.&lt;/p&gt;</source>
        <translation>&lt;p&gt;La raison de poser ou de lever la conservation, inscrite au registre avec l’heure et son auteur. Elle ne peut pas rester vide.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>In the store:</source>
        <translation>Dans le stockage&#xa0;:</translation>
    </message>
    <message>
        <source>%1, compressed, in messages no other mailbox shares</source>
        <translation>%1, compressés, dans des messages qu’aucune autre boîte ne partage</translation>
    </message>
</context>
<context>
    <name>tandem::ui::MainWindow</name>
    <message>
        <source>&amp;Properties…</source>
        <translation>&amp;Propriétés…</translation>
    </message>
    <message>
        <source>Tandem — %1</source>
        <translation>Tandem — %1</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>À l’écoute sur %1</translation>
    </message>
    <message>
        <source>Engine not started</source>
        <translation>Moteur non démarré</translation>
    </message>
    <message numerus="yes">
        <source>Outbox: %n message(s)</source>
        <translation>
            <numerusform>Boîte d’envoi&#xa0;: %n message</numerusform>
            <numerusform>Boîte d’envoi&#xa0;: %n messages</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Open configuration…</source>
        <translation>&amp;Ouvrir une configuration…</translation>
    </message>
    <message>
        <source>Run role &amp;wizard…</source>
        <translation>Lancer l’&amp;assistant de rôle…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Engine</source>
        <translation>&amp;Moteur</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Démarrer</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About Tandem</source>
        <translation>À &amp;propos de Tandem</translation>
    </message>
    <message>
        <source>About Tandem</source>
        <translation>À propos de Tandem</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tandem %1&lt;/h3&gt;&lt;p&gt;A mail server whose job is the archive passthrough: a Mailbox serves the users, an Archive keeps a copy of every message and sends mail to the Internet.&lt;/p&gt;&lt;p&gt;Configuration: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tandem %1&lt;/h3&gt;&lt;p&gt;Un serveur de messagerie dédié au transit vers l’archive&#xa0;: un serveur de boîtes aux lettres sert les utilisateurs, un serveur d’archive conserve une copie de chaque message et envoie le courrier vers Internet.&lt;/p&gt;&lt;p&gt;Configuration&#xa0;: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Moteur</translation>
    </message>
    <message>
        <source>Configuration not valid</source>
        <translation>Configuration non valide</translation>
    </message>
    <message>
        <source>%1 has these problems:

%2</source>
        <translation>%1 présente les problèmes suivants&#xa0;:

%2</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Incoming Mail</source>
        <translation>Courrier entrant</translation>
    </message>
    <message>
        <source>Outgoing Mail</source>
        <translation>Courrier sortant</translation>
    </message>
    <message>
        <source>SMTP services</source>
        <translation>Services SMTP</translation>
    </message>
    <message>
        <source>%1 port %2 (%3)</source>
        <translation>%1, port %2 (%3)</translation>
    </message>
    <message>
        <source>Mailboxes</source>
        <translation>Boîtes aux lettres</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>File d’attente</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Role: %1
Primary domain: %2
Other local domains: %3
Host name: %4
Data folder: %5</source>
        <translation>Rôle&#xa0;: %1
Domaine principal&#xa0;: %2
Autres domaines locaux&#xa0;: %3
Nom d’hôte&#xa0;: %4
Dossier de données&#xa0;: %5</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Passthrough applies to: %1
Copy all mail to sender&apos;s Sent items: %2
Create mailbox if necessary: %3
Copy all mail for local domains to Outbox: %4
Copy all mail without Received: headers to Outbox: %5
Undelivered mail: %6</source>
        <translation>Transit appliqué à&#xa0;: %1
Copier tout le courrier dans les Éléments envoyés de l’expéditeur&#xa0;: %2
Créer la boîte aux lettres si nécessaire&#xa0;: %3
Copier tout le courrier des domaines locaux dans la Boîte d’envoi&#xa0;: %4
Copier tout le courrier sans en-têtes Received: dans la Boîte d’envoi&#xa0;: %5
Courrier non distribué&#xa0;: %6</translation>
    </message>
    <message>
        <source>all domains</source>
        <translation>tous les domaines</translation>
    </message>
    <message>
        <source>none (MX records)</source>
        <translation>aucun (enregistrements MX)</translation>
    </message>
    <message numerus="yes">
        <source>%n SMTP service(s). Choose one to see or change it.</source>
        <translation>
            <numerusform>%n service SMTP. Choisissez-le pour l’afficher ou le modifier.</numerusform>
            <numerusform>%n services SMTP. Choisissez-en un pour l’afficher ou le modifier.</numerusform>
        </translation>
    </message>
    <message>
        <source>Address: %1, port %2, mode %3
Reject non-local senders claiming to be local: %4
Require authentication: %5
Allowed networks: %6</source>
        <translation>Adresse&#xa0;: %1, port %2, mode %3
Rejeter les expéditeurs non locaux se présentant comme locaux&#xa0;: %4
Exiger l’authentification&#xa0;: %5
Réseaux autorisés&#xa0;: %6</translation>
    </message>
    <message>
        <source>Configuration not saved</source>
        <translation>Configuration non enregistrée</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Open configuration</source>
        <translation>Ouvrir une configuration</translation>
    </message>
    <message>
        <source>Tandem configuration (*.json);;All files (*)</source>
        <translation>Configuration Tandem (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours d’exécution</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <source>Disk full: new mail refused (%1 MiB free, reserve %2 MiB)</source>
        <translation>Disque plein : nouveaux messages refusés (%1 Mio libres, réserve %2 Mio)</translation>
    </message>
    <message>
        <source>Disk space low: %1 MiB free (reserve %2 MiB)</source>
        <translation>Espace disque faible : %1 Mio libres (réserve %2 Mio)</translation>
    </message>
    <message>
        <source>a mailbox of its own, “postmaster”</source>
        <translation>une boîte à part, «&#xa0;postmaster&#xa0;»</translation>
    </message>
    <message>
        <source>Settings not changed</source>
        <translation>Paramètres non modifiés</translation>
    </message>
    <message>
        <source>The running engine could not take the new settings, so nothing was changed: the configuration file and the engine keep the settings they had.</source>
        <translation>Le moteur en marche n’a pas pu prendre les nouveaux paramètres&#xa0;; rien n’a donc été modifié&#xa0;: le fichier de configuration et le moteur gardent les paramètres qu’ils avaient.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) waiting in the Outbox will not be sent, and no mail is received, until the console runs again.</source>
        <translation>
            <numerusform>%n message en attente dans la boîte d’envoi ne sera pas envoyé, et aucun courrier ne sera reçu, tant que la console ne sera pas relancée.</numerusform>
            <numerusform>%n messages en attente dans la boîte d’envoi ne seront pas envoyés, et aucun courrier ne sera reçu, tant que la console ne sera pas relancée.</numerusform>
        </translation>
    </message>
    <message>
        <source>No mail is received until the console runs again.</source>
        <translation>Aucun courrier n’est reçu tant que la console n’est pas relancée.</translation>
    </message>
    <message>
        <source>Mail waiting in the Outbox is not sent, and no mail is received, until the console runs again.</source>
        <translation>Le courrier en attente dans la boîte d’envoi n’est pas envoyé, et aucun courrier n’est reçu, tant que la console n’est pas relancée.</translation>
    </message>
    <message>
        <source>Stop the mail server?</source>
        <translation>Arrêter le serveur de messagerie&#xa0;?</translation>
    </message>
    <message>
        <source>Closing the console stops the mail server.</source>
        <translation>Fermer la console arrête le serveur de messagerie.</translation>
    </message>
    <message>
        <source>To keep a server running without the console, run tandemd as a service (tandemd --config %1); the console then only edits its configuration.</source>
        <translation>Pour qu’un serveur continue de tourner sans la console, exécutez tandemd comme service (tandemd --config %1)&#xa0;; la console ne fait alors que modifier sa configuration.</translation>
    </message>
    <message>
        <source>&amp;Stop and close</source>
        <translation>&amp;Arrêter et fermer</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Arrêt en cours…</translation>
    </message>
    <message>
        <source>SmartHost: %1
Static routes: %2
Retry schedule (minutes): %3</source>
        <translation>SmartHost&#xa0;: %1
Routes statiques&#xa0;: %2
Calendrier des nouvelles tentatives (minutes)&#xa0;: %3</translation>
    </message>
    <message numerus="yes">
        <source>warn after %n hour(s)</source>
        <translation>
            <numerusform>avertissement après %n heure</numerusform>
            <numerusform>avertissement après %n heures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>give up after %n hour(s)</source>
        <translation>
            <numerusform>abandon après %n heure</numerusform>
            <numerusform>abandon après %n heures</numerusform>
        </translation>
    </message>
    <message>
        <source>Users: %1</source>
        <translation>Utilisateurs&#xa0;: %1</translation>
    </message>
    <message>
        <source>no delay notices</source>
        <translation>aucun avis de retard</translation>
    </message>
    <message>
        <source>Mail to postmaster goes to: %1</source>
        <translation>Le courrier pour postmaster va à&#xa0;: %1</translation>
    </message>
    <message>
        <source>Run &amp;archive maintenance now</source>
        <translation>Lancer la &amp;maintenance de l’archive</translation>
    </message>
    <message>
        <source>Archive maintenance asked for…</source>
        <translation>Maintenance de l’archive demandée…</translation>
    </message>
    <message>
        <source>Default archive settings: %1</source>
        <translation>Réglages d’archivage par défaut&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 of %2 MiB</source>
        <translation>%1 sur %2 Mio</translation>
    </message>
    <message>
        <source>%1: %2, its mail is refused (452 4.2.2)</source>
        <translation>%1 : %2, son courrier est refusé (452 4.2.2)</translation>
    </message>
    <message>
        <source>%1: %2, still storing</source>
        <translation>%1 : %2, toujours stocké</translation>
    </message>
    <message>
        <source>Mailbox full: %1</source>
        <translation>Boîte pleine : %1</translation>
    </message>
    <message>
        <source>Mailbox over its size cap: %1</source>
        <translation>Boîte au-delà de sa taille maximale : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n mailbox(es) at their size cap</source>
        <translation>
            <numerusform>%n boîte à sa taille maximale</numerusform>
            <numerusform>%n boîtes à leur taille maximale</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>&amp;Search for Message…</source>
        <translation>&amp;Rechercher un message…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
</context>
<context>
    <name>tandem::ui::OptionsDialog</name>
    <message>
        <source>A port number is 1-65535.</source>
        <translation>Un numéro de port est compris entre 1 et 65535.</translation>
    </message>
    <message>
        <source>The configuration has other problems:
%1</source>
        <translation>La configuration présente d’autres problèmes&#xa0;:
%1</translation>
    </message>
</context>
<context>
    <name>tandem::ui::OutgoingMailDialog</name>
    <message>
        <source>Opportunistic (STARTTLS when offered)</source>
        <translation>Opportuniste (STARTTLS lorsqu’il est proposé)</translation>
    </message>
    <message>
        <source>Required (never send in clear)</source>
        <translation>Obligatoire (jamais d’envoi en clair)</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Options | Outgoing Mail</source>
        <translation>Options | Courrier sortant</translation>
    </message>
    <message>
        <source>&amp;SmartHost</source>
        <translation>&amp;SmartHost</translation>
    </message>
    <message>
        <source>Static &amp;Routes</source>
        <translation>&amp;Routes statiques</translation>
    </message>
    <message>
        <source>Route %1: %2</source>
        <translation>Route %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Send all outgoing mail through this server (your ISP&apos;s, or the Archive machine) instead of delivering it by MX records. Leave the host empty to use MX records; static routes come first.</source>
        <translation>Envoyer tout le courrier sortant par ce serveur (celui de votre FAI, ou le serveur d’archive) au lieu de le remettre d’après les enregistrements MX. Laissez l’hôte vide pour utiliser les enregistrements MX&#xa0;; les routes statiques sont prioritaires.</translation>
    </message>
    <message>
        <source>smtp.isp.example</source>
        <translation>smtp.isp.example</translation>
    </message>
    <message>
        <source>Kept in the desktop keychain, never in the configuration file.</source>
        <translation>Conservé dans le trousseau du bureau, jamais dans le fichier de configuration.</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Hôte&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nom d’&amp;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation>&amp;TLS&#xa0;:</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>Domaines</translation>
    </message>
    <message>
        <source>Next hop</source>
        <translation>Prochain saut</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>Modi&amp;fier…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Supprim&amp;er</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>Mon&amp;ter</translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation>Descen&amp;dre</translation>
    </message>
    <message>
        <source>Routes are tried from the top; the first whose domains match the recipient&apos;s is used (example.org, *.example.org, or * for every domain).</source>
        <translation>Les routes sont essayées de haut en bas&#xa0;; la première dont les domaines correspondent à celui du destinataire est utilisée (example.org, *.example.org, ou * pour tous les domaines).</translation>
    </message>
    <message>
        <source>1, 5, 15, 30, 60, 120</source>
        <translation>1, 5, 15, 30, 60, 120</translation>
    </message>
    <message>
        <source>Minutes between attempts; the last interval repeats.</source>
        <translation>Minutes entre les tentatives&#xa0;; le dernier intervalle se répète.</translation>
    </message>
    <message>
        <source>&amp;Warn the sender after:</source>
        <translation>A&amp;vertir l’expéditeur après&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Give up after:</source>
        <translation>A&amp;bandonner après&#xa0;:</translation>
    </message>
    <message>
        <source>A password needs the SmartHost it belongs to.</source>
        <translation>Un mot de passe nécessite le SmartHost auquel il est associé.</translation>
    </message>
    <message>
        <source>A password needs the user name it belongs to.</source>
        <translation>Un mot de passe nécessite le nom d’utilisateur auquel il est associé.</translation>
    </message>
    <message>
        <source>“%1” is not a number of minutes; write them as 1, 5, 15, 30.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un nombre de minutes&#xa0;; écrivez-les sous la forme 1, 5, 15, 30.</translation>
    </message>
    <message>
        <source>The keychain did not take the password: %1</source>
        <translation>Le trousseau n’a pas accepté le mot de passe&#xa0;: %1</translation>
    </message>
    <message>
        <source>Retr&amp;y</source>
        <translation>&amp;Nouvelles tentatives</translation>
    </message>
    <message>
        <source>Retry sc&amp;hedule:</source>
        <translation>&amp;Intervalles des tentatives&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source> hour(s)</source>
        <translation>
            <numerusform> heure</numerusform>
            <numerusform> heures</numerusform>
        </translation>
    </message>
    <message>
        <source>Send mail through this server instead of by MX records; empty for MX.</source>
        <translation>Envoyer le courrier par ce serveur au lieu des enregistrements MX&#xa0;; vide pour MX.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The SmartHost: every message no static route takes is handed to this server (your provider&apos;s relay, or on a Mailbox the Archive machine) instead of being delivered by the recipient domain&apos;s MX records. Leave it empty to use MX records.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Le SmartHost&#xa0;: chaque message qu’aucune route statique ne prend est confié à ce serveur (le relais de votre fournisseur, ou sur une machine Boîtes aux lettres la machine Archive) au lieu d’être remis par les enregistrements MX du domaine destinataire. Laissez vide pour utiliser les enregistrements MX.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The SmartHost&apos;s port: 25, or 587 for a provider&apos;s submission service.</source>
        <translation>Le port du SmartHost&#xa0;: 25, ou 587 pour le service de soumission d’un fournisseur.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The port the SmartHost takes mail on: 25 between servers, 587 for a provider&apos;s submission service (usually with a login).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Le port sur lequel le SmartHost accepte le courrier&#xa0;: 25 entre serveurs, 587 pour le service de soumission d’un fournisseur (en général avec connexion).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Log in to the SmartHost as this user; empty for no login.</source>
        <translation>Se connecter au SmartHost sous cet utilisateur&#xa0;; vide pour aucune connexion.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The user name for AUTH at the SmartHost; empty for no login. The password goes with it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Le nom d’utilisateur pour AUTH auprès du SmartHost&#xa0;; vide pour aucune connexion. Le mot de passe va avec.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The SmartHost password; kept in the desktop keychain.</source>
        <translation>Le mot de passe du SmartHost&#xa0;; conservé dans le trousseau du bureau.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The password for the user above. It is stored in the desktop keychain, never in the configuration file (tandemd reads it from its secrets file, under [host]:port).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Le mot de passe de l’utilisateur ci-dessus. Il est conservé dans le trousseau du bureau, jamais dans le fichier de configuration (tandemd le lit dans son fichier de secrets, sous [host]:port).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Whether mail to the SmartHost must travel encrypted.</source>
        <translation>Si le courrier vers le SmartHost doit voyager chiffré.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Opportunistic&lt;/b&gt;: STARTTLS when the SmartHost offers it (a failed handshake falls back to clear text for an hour). &lt;b&gt;Required&lt;/b&gt;: never send in clear — without TLS the mail waits (4.7.x) and is retried. &lt;b&gt;Off&lt;/b&gt;: never TLS.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Opportuniste&lt;/b&gt;&#xa0;: STARTTLS lorsque le SmartHost le propose (après un échec de négociation, en clair pendant une heure). &lt;b&gt;Obligatoire&lt;/b&gt;&#xa0;: jamais d’envoi en clair — sans TLS le courrier attend (4.7.x) et est retenté. &lt;b&gt;Désactivé&lt;/b&gt;&#xa0;: jamais de TLS.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Routes tried from the top; double-click one to edit it.</source>
        <translation>Routes essayées depuis le haut&#xa0;; double-cliquez sur une route pour la modifier.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Static routes: mail for a recipient whose domain matches a route goes to that route&apos;s next hop instead of the SmartHost or the MX records. Routes are tried from the top, and the first that matches wins; move them with &lt;i&gt;Move Up&lt;/i&gt; and &lt;i&gt;Move Down&lt;/i&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Routes statiques&#xa0;: le courrier pour un destinataire dont le domaine correspond à une route va au prochain saut de cette route au lieu du SmartHost ou des enregistrements MX. Les routes sont essayées depuis le haut, et la première qui correspond l’emporte&#xa0;; déplacez-les avec &lt;i&gt;Monter&lt;/i&gt; et &lt;i&gt;Descendre&lt;/i&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>Minutes between attempts, such as 1, 5, 15, 30; the last repeats.</source>
        <translation>Minutes entre les tentatives, par exemple 1, 5, 15, 30&#xa0;; la dernière se répète.</translation>
    </message>
    <message>
        <source>&lt;p&gt;How long a deferred message waits before each next attempt, in minutes, comma-separated; after the last interval, it repeats. Retry now in the queue window tries at once.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Combien de temps un message différé attend avant chaque nouvelle tentative, en minutes, séparées par des virgules&#xa0;; après le dernier intervalle, celui-ci se répète. «&#xa0;Réessayer maintenant&#xa0;» dans la fenêtre de la file essaie tout de suite.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Tell the sender that the message is delayed after this long.</source>
        <translation>Prévenir l’expéditeur du retard du message après ce délai.</translation>
    </message>
    <message>
        <source>&lt;p&gt;A delay notice (RFC 3464) goes to the sender once a message has waited this long, if the sender did not ask for none; &lt;i&gt;Never&lt;/i&gt; (0) sends none.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Un avis de retard (RFC 3464) est envoyé à l’expéditeur dès qu’un message a attendu ce délai, sauf si l’expéditeur n’en a demandé aucun&#xa0;; &lt;i&gt;Jamais&lt;/i&gt; (0) n’en envoie pas.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Return the message to its sender after this long.</source>
        <translation>Renvoyer le message à son expéditeur après ce délai.</translation>
    </message>
    <message>
        <source>&lt;p&gt;After this long a message still not delivered is returned to its sender with a failure notice (5.4.7), and its entry leaves the Outbox.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Après ce délai, un message toujours pas remis est renvoyé à son expéditeur avec un avis d’échec (5.4.7), et son entrée quitte la boîte d’envoi.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>tandem::ui::QueueModel</name>
    <message>
        <source>queued</source>
        <translation>en file</translation>
    </message>
    <message>
        <source>delivering</source>
        <translation>remise en cours</translation>
    </message>
    <message>
        <source>deferred</source>
        <translation>différé</translation>
    </message>
    <message>
        <source>held</source>
        <translation>retenu</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Expéditeur</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinataires</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Next hop</source>
        <translation>Prochain saut</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Prochaine tentative</translation>
    </message>
    <message>
        <source>Last reply</source>
        <translation>Dernière réponse</translation>
    </message>
    <message>
        <source>Recipients: %1</source>
        <translation>Destinataires&#xa0;: %1</translation>
    </message>
    <message>
        <source>Last reply: %1</source>
        <translation>Dernière réponse&#xa0;: %1</translation>
    </message>
    <message>
        <source>Attempts:</source>
        <translation>Tentatives&#xa0;:</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Not attempted yet</source>
        <translation>Pas encore tenté</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Objet&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>tandem::ui::QueueWindow</name>
    <message>
        <source>Outbox</source>
        <translation>Boîte d’envoi</translation>
    </message>
    <message>
        <source>&amp;Retry now</source>
        <translation>&amp;Réessayer maintenant</translation>
    </message>
    <message>
        <source>Try the selected entries again now</source>
        <translation>Réessayer maintenant les entrées sélectionnées</translation>
    </message>
    <message>
        <source>&amp;Hold</source>
        <translation>Re&amp;tenir</translation>
    </message>
    <message>
        <source>Keep the selected entries until they are released</source>
        <translation>Conserver les entrées sélectionnées jusqu’à ce qu’elles soient libérées</translation>
    </message>
    <message>
        <source>Re&amp;lease</source>
        <translation>&amp;Libérer</translation>
    </message>
    <message>
        <source>Let held entries be delivered again</source>
        <translation>Autoriser de nouveau la remise des entrées retenues</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Drop the selected entries without telling the sender</source>
        <translation>Abandonner les entrées sélectionnées sans prévenir l’expéditeur</translation>
    </message>
    <message>
        <source>Return to &amp;sender</source>
        <translation>Renvoyer à l’&amp;expéditeur</translation>
    </message>
    <message>
        <source>Send the selected entries back to their senders with a failure notice</source>
        <translation>Renvoyer les entrées sélectionnées à leurs expéditeurs avec un avis d’échec</translation>
    </message>
    <message>
        <source>Show only the entries in this state</source>
        <translation>N’afficher que les entrées dans cet état</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <source>Delete entries</source>
        <translation>Supprimer les entrées</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n entries from the Outbox? Their recipients will not get the message, and the sender is not told.</source>
        <translation>
            <numerusform>Supprimer %n entrée de la Boîte d’envoi&#xa0;? Ses destinataires ne recevront pas le message, et l’expéditeur n’est pas prévenu.</numerusform>
            <numerusform>Supprimer %n entrées de la Boîte d’envoi&#xa0;? Leurs destinataires ne recevront pas le message, et l’expéditeur n’est pas prévenu.</numerusform>
        </translation>
    </message>
    <message>
        <source>Return to sender</source>
        <translation>Renvoyer à l’expéditeur</translation>
    </message>
    <message numerus="yes">
        <source>Return %n entries to their senders? Each sender gets a failure notice, and the entries leave the Outbox.</source>
        <translation>
            <numerusform>Renvoyer %n entrée à son expéditeur&#xa0;? L’expéditeur reçoit un avis d’échec, et l’entrée quitte la Boîte d’envoi.</numerusform>
            <numerusform>Renvoyer %n entrées à leurs expéditeurs&#xa0;? Chaque expéditeur reçoit un avis d’échec, et les entrées quittent la Boîte d’envoi.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries changed</source>
        <translation>
            <numerusform>%n entrée modifiée</numerusform>
            <numerusform>%n entrées modifiées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries changed, %1 not found</source>
        <translation>
            <numerusform>%n entrée modifiée, introuvables&#xa0;: %1</numerusform>
            <numerusform>%n entrées modifiées, introuvables&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries, %1 held, %2 shown</source>
        <translation>
            <numerusform>%n entrée (retenues&#xa0;: %1, affichées&#xa0;: %2)</numerusform>
            <numerusform>%n entrées (retenues&#xa0;: %1, affichées&#xa0;: %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries, %1 held</source>
        <translation>
            <numerusform>%n entrée (retenues&#xa0;: %1)</numerusform>
            <numerusform>%n entrées (retenues&#xa0;: %1)</numerusform>
        </translation>
    </message>
    <message>
        <source>De&amp;tails…</source>
        <translation>Dé&amp;tails…</translation>
    </message>
    <message>
        <source>The envelope, every recipient&apos;s state, the attempts and the message&apos;s headers (or double-click the entry)</source>
        <translation>L’enveloppe, l’état de chaque destinataire, les tentatives et les en-têtes du message (ou double-cliquez sur l’entrée)</translation>
    </message>
    <message>
        <source>Filter: id, sender, recipient, subject, next hop, reply</source>
        <translation>Filtre&#xa0;: ID, expéditeur, destinataire, objet, prochain saut, réponse</translation>
    </message>
    <message numerus="yes">
        <source>%n kept: legal hold</source>
        <translation>
            <numerusform>%n gardée&#xa0;: conservation légale</numerusform>
            <numerusform>%n gardées&#xa0;: conservation légale</numerusform>
        </translation>
    </message>
    <message>
        <source>Legal hold</source>
        <translation>Conservation légale</translation>
    </message>
    <message>
        <source>These entries were kept, because a mailbox they concern is on legal hold:

%1</source>
        <translation>Ces entrées ont été gardées, car une boîte qu’elles concernent est sous conservation légale&#xa0;:

%1</translation>
    </message>
</context>
<context>
    <name>tandem::ui::RoleWizard</name>
    <message>
        <source>Tandem Role Wizard</source>
        <translation>Assistant de rôle Tandem</translation>
    </message>
    <message>
        <source>Passphrase not kept</source>
        <translation>Phrase secrète non conservée</translation>
    </message>
    <message>
        <source>The keychain did not take the key&apos;s passphrase: %1</source>
        <translation>Le trousseau n’a pas accepté la phrase secrète de la clé&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>tandem::ui::RouteDialog</name>
    <message>
        <source>Add Static Route</source>
        <translation>Ajouter une route statique</translation>
    </message>
    <message>
        <source>Edit Static Route</source>
        <translation>Modifier la route statique</translation>
    </message>
    <message>
        <source>example.org, *.example.org or *</source>
        <translation>example.org, *.example.org ou *</translation>
    </message>
    <message>
        <source>archive.example.com or 192.168.1.20</source>
        <translation>archive.example.com ou 192.168.1.20</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>&amp;Domains:</source>
        <translation>&amp;Domaines&#xa0;:</translation>
    </message>
    <message>
        <source>Next &amp;hop:</source>
        <translation>Prochain &amp;saut&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nom d’&amp;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation>&amp;TLS&#xa0;:</translation>
    </message>
    <message>
        <source>Mail for these domains goes to this host instead of the domain&apos;s MX. The first route that matches is used.</source>
        <translation>Le courrier destiné à ces domaines est envoyé à cet hôte plutôt qu’au MX du domaine. La première route correspondante est utilisée.</translation>
    </message>
    <message>
        <source>The recipient domains this route takes: example.org, *.example.org or *.</source>
        <translation>Les domaines destinataires de cette route&#xa0;: example.org, *.example.org ou *.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Comma-separated patterns matched against each recipient&apos;s domain: example.org (that domain), *.example.org (its subdomains only) or * (every domain). The first route that matches wins; then the SmartHost, then the domain&apos;s MX records.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Motifs séparés par des virgules, comparés au domaine de chaque destinataire&#xa0;: example.org (ce domaine), *.example.org (ses sous-domaines seulement) ou * (tout domaine). La première route qui correspond l’emporte&#xa0;; puis le SmartHost, puis les enregistrements MX du domaine.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The server mail for these domains is handed to.</source>
        <translation>Le serveur auquel le courrier de ces domaines est confié.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The next hop for mail of these domains, by name or address — on a Mailbox, the Archive machine (route *); on an Archive without DNS, the Mailbox machine for the local domain.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Le prochain saut pour le courrier de ces domaines, par nom ou adresse — sur une machine Boîtes aux lettres, la machine Archive (route *)&#xa0;; sur une Archive sans DNS, la machine Boîtes aux lettres pour le domaine local.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The next hop&apos;s SMTP port, usually 25.</source>
        <translation>Le port SMTP du prochain saut, en général 25.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The port the next hop takes mail on: 25 between servers, 587 for a provider&apos;s submission service.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Le port sur lequel le prochain saut accepte le courrier&#xa0;: 25 entre serveurs, 587 pour le service de soumission d’un fournisseur.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Log in to the next hop as this user; empty for no login.</source>
        <translation>Se connecter au prochain saut sous cet utilisateur&#xa0;; vide pour aucune connexion.</translation>
    </message>
    <message>
        <source>&lt;p&gt;A user name to authenticate to the next hop with (AUTH); its password is kept in the desktop keychain under [host]:port, never in the configuration file. Empty: no login.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Un nom d’utilisateur pour s’authentifier auprès du prochain saut (AUTH)&#xa0;; son mot de passe est conservé dans le trousseau du bureau sous [host]:port, jamais dans le fichier de configuration. Vide&#xa0;: aucune connexion.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Whether mail to this next hop must travel encrypted.</source>
        <translation>Si le courrier vers ce prochain saut doit voyager chiffré.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Opportunistic&lt;/b&gt;: STARTTLS when the next hop offers it (a failed handshake falls back to clear text for an hour). &lt;b&gt;Required&lt;/b&gt;: never send in clear — without TLS the mail waits (4.7.x) and is retried. &lt;b&gt;Off&lt;/b&gt;: never TLS.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Opportuniste&lt;/b&gt;&#xa0;: STARTTLS lorsque le prochain saut le propose (après un échec de négociation, en clair pendant une heure). &lt;b&gt;Obligatoire&lt;/b&gt;&#xa0;: jamais d’envoi en clair — sans TLS le courrier attend (4.7.x) et est retenté. &lt;b&gt;Désactivé&lt;/b&gt;&#xa0;: jamais de TLS.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>tandem::ui::SearchModel</name>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <source>Dated %1, filed %2</source>
        <translation>Daté du %1, classé le %2</translation>
    </message>
    <message>
        <source>No date in the message; filed %1</source>
        <translation>Pas de date dans le message&#xa0;; classé le %1</translation>
    </message>
    <message>
        <source>Envelope sender: %1</source>
        <translation>Expéditeur de l’enveloppe&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s)</source>
        <translation>
            <numerusform>%n pièce jointe</numerusform>
            <numerusform>%n pièces jointes</numerusform>
        </translation>
    </message>
    <message>
        <source>%L1 bytes</source>
        <translation>%L1 octets</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Boîte aux lettres</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>The message&apos;s Date:, or when the copy was filed when it has none. Click to sort.</source>
        <translation>Le Date: du message, ou le moment où la copie a été classée s’il n’en a pas. Cliquez pour trier.</translation>
    </message>
    <message>
        <source>The From: of the message. Click to sort by its address.</source>
        <translation>Le From: du message. Cliquez pour trier par son adresse.</translation>
    </message>
    <message>
        <source>The size of the message as received. Click to sort.</source>
        <translation>La taille du message tel que reçu. Cliquez pour trier.</translation>
    </message>
    <message>
        <source>The envelope recipient this copy was delivered to (its Delivered-To:): a Bcc recipient too.</source>
        <translation>Le destinataire d’enveloppe à qui cette copie a été distribuée (son Delivered-To:)&#xa0;: un destinataire en Cci aussi.</translation>
    </message>
    <message>
        <source>Live: in the mailbox. Archived: moved into the archive store. Expired: past its retention.</source>
        <translation>Actif&#xa0;: dans la boîte aux lettres. Archivé&#xa0;: déplacé dans le stockage d’archive. Expiré&#xa0;: au-delà de sa durée de conservation.</translation>
    </message>
</context>
<context>
    <name>tandem::ui::SearchWindow</name>
    <message>
        <source>Copy cancelled: %1 of %2 messages copied to %3.</source>
        <translation>Copie annulée&#xa0;: %1 messages sur %2 copiés dans %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) copied to %1.</source>
        <translation>
            <numerusform>%n message copié dans %1.</numerusform>
            <numerusform>%n messages copiés dans %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 messages copied to %3; these were not:</source>
        <translation>%1 messages sur %2 copiés dans %3&#xa0;; ceux-ci ne l’ont pas été&#xa0;:</translation>
    </message>
    <message>
        <source>Copy to mailbox</source>
        <translation>Copier dans une boîte aux lettres</translation>
    </message>
    <message>
        <source>The archived originals stay where they were. The new copies are live mail of the mailbox, and found by a search.</source>
        <translation>Les originaux archivés restent où ils étaient. Les nouvelles copies sont du courrier actif de la boîte, et une recherche les trouve.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>L’export a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 exported before it failed.</source>
        <translation>%1 exportés avant l’échec.</translation>
    </message>
    <message>
        <source>Export cancelled: %1 of %2 messages exported.</source>
        <translation>Export annulé&#xa0;: %1 messages sur %2 exportés.</translation>
    </message>
    <message>
        <source>%1 exported, %2 skipped.</source>
        <translation>%1 exportés, %2 ignorés.</translation>
    </message>
    <message>
        <source>Each export is recorded in the ledger of the message&apos;s mailbox.</source>
        <translation>Chaque export est inscrit au registre de la boîte aux lettres du message.</translation>
    </message>
    <message>
        <source>Skipped:</source>
        <translation>Ignorés&#xa0;:</translation>
    </message>
    <message>
        <source>Search for Message</source>
        <translation>Rechercher un message</translation>
    </message>
    <message>
        <source>&amp;Copy to mailbox…</source>
        <translation>&amp;Copier dans une boîte…</translation>
    </message>
    <message>
        <source>A new copy of the chosen messages in a mailbox&apos;s INBOX or Restored folder; the archived originals stay</source>
        <translation>Une nouvelle copie des messages choisis dans l’INBOX ou le dossier Restored d’une boîte aux lettres&#xa0;; les originaux archivés restent</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <source>The chosen messages, or all found, as .eml files, one mbox or one zip file</source>
        <translation>Les messages choisis, ou tous ceux trouvés, en fichiers .eml, un fichier mbox ou un fichier zip</translation>
    </message>
    <message>
        <source>&amp;Query:</source>
        <translation>&amp;Requête&#xa0;:</translation>
    </message>
    <message>
        <source>Words, &quot;a phrase&quot;, from: to: subject: body: attachment: mailbox: folder: date: has:attachment is:archived larger:5M, OR, NOT …</source>
        <translation>Mots, &quot;une expression&quot;, from: to: subject: body: attachment: mailbox: folder: date: has:attachment is:archived larger:5M, OR, NOT…</translation>
    </message>
    <message>
        <source>&lt;p&gt;Words side by side must all match; &lt;b&gt;OR&lt;/b&gt; lets either, &lt;b&gt;NOT&lt;/b&gt; or &lt;b&gt;-&lt;/b&gt; excludes, parentheses group.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;from:carol&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;From:, Sender: or the envelope sender&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;to:bob&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;To:, Cc:, Bcc: or the copy&apos;s envelope recipient&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;subject:&lt;/tt&gt; &lt;tt&gt;body:&lt;/tt&gt; &lt;tt&gt;attachment:&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;the subject, the text, an attachment&apos;s name&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;mailbox:alice&lt;/tt&gt; &lt;tt&gt;folder:Sent&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;where the copy is&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;date:2026-01..2026-03&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;dated in the range&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;has:attachment&lt;/tt&gt; &lt;tt&gt;larger:5M&lt;/tt&gt; &lt;tt&gt;smaller:100K&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;attachments, size&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;is:live&lt;/tt&gt; &lt;tt&gt;is:archived&lt;/tt&gt; &lt;tt&gt;is:expired&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;the copy&apos;s state (expired ones only when asked for)&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;p&gt;Les mots côte à côte doivent tous correspondre&#xa0;; &lt;b&gt;OR&lt;/b&gt; accepte l’un ou l’autre, &lt;b&gt;NOT&lt;/b&gt; ou &lt;b&gt;-&lt;/b&gt; exclut, les parenthèses regroupent.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;from:carol&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;From:, Sender: ou l’expéditeur de l’enveloppe&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;to:bob&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;To:, Cc:, Bcc: ou le destinataire d’enveloppe de la copie&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;subject:&lt;/tt&gt; &lt;tt&gt;body:&lt;/tt&gt; &lt;tt&gt;attachment:&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;l’objet, le texte, le nom d’une pièce jointe&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;mailbox:alice&lt;/tt&gt; &lt;tt&gt;folder:Sent&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;où se trouve la copie&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;date:2026-01..2026-03&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;daté dans l’intervalle&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;has:attachment&lt;/tt&gt; &lt;tt&gt;larger:5M&lt;/tt&gt; &lt;tt&gt;smaller:100K&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;pièces jointes, taille&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;tt&gt;is:live&lt;/tt&gt; &lt;tt&gt;is:archived&lt;/tt&gt; &lt;tt&gt;is:expired&lt;/tt&gt;&lt;/td&gt;&lt;td&gt;l’état de la copie (les expirées seulement si on les demande)&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>Re&amp;chercher</translation>
    </message>
    <message>
        <source>&amp;Dated from</source>
        <translation>&amp;Daté du</translation>
    </message>
    <message>
        <source>Only messages dated in this range (both days included)</source>
        <translation>Seulement les messages datés dans cet intervalle (les deux jours inclus)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>&amp;Mailbox:</source>
        <translation>&amp;Boîte aux lettres&#xa0;:</translation>
    </message>
    <message>
        <source>All mailboxes</source>
        <translation>Toutes les boîtes aux lettres</translation>
    </message>
    <message>
        <source>Only the copies in this mailbox</source>
        <translation>Seulement les copies de cette boîte aux lettres</translation>
    </message>
    <message>
        <source>With &amp;attachments</source>
        <translation>Avec &amp;pièces jointes</translation>
    </message>
    <message>
        <source>Live and archived</source>
        <translation>Actifs et archivés</translation>
    </message>
    <message>
        <source>Live only</source>
        <translation>Actifs seulement</translation>
    </message>
    <message>
        <source>Archived only</source>
        <translation>Archivés seulement</translation>
    </message>
    <message>
        <source>Expired only</source>
        <translation>Expirés seulement</translation>
    </message>
    <message>
        <source>Live copies are in the mailbox, archived ones in the archive store only; expired ones are found only when asked for</source>
        <translation>Les copies actives sont dans la boîte aux lettres, les archivées seulement dans le stockage d’archive&#xa0;; les expirées ne sont trouvées que si on les demande</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>De&#xa0;:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>À&#xa0;:</translation>
    </message>
    <message>
        <source>Cc:</source>
        <translation>Cc&#xa0;:</translation>
    </message>
    <message>
        <source>Bcc:</source>
        <translation>Cci&#xa0;:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Date&#xa0;:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Objet&#xa0;:</translation>
    </message>
    <message>
        <source>Message-ID:</source>
        <translation>Message-ID&#xa0;:</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Boîte aux lettres</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>Classé le</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>En-têtes</translation>
    </message>
    <message>
        <source>This message has no text.</source>
        <translation>Ce message n’a pas de texte.</translation>
    </message>
    <message>
        <source>Attachments (%1)</source>
        <translation>Pièces jointes (%1)</translation>
    </message>
    <message>
        <source>The query cannot be run: %1</source>
        <translation>La requête ne peut pas être exécutée&#xa0;: %1</translation>
    </message>
    <message>
        <source>No messages found</source>
        <translation>Aucun message trouvé</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>Counting… (%1 shown)</source>
        <translation>Décompte… (%1 affichés)</translation>
    </message>
    <message>
        <source>%1 chosen</source>
        <translation>%1 choisis</translation>
    </message>
    <message>
        <source>Choose a message to see it here.</source>
        <translation>Choisissez un message pour le voir ici.</translation>
    </message>
    <message>
        <source>The message cannot be shown: %1</source>
        <translation>Le message ne peut pas être affiché&#xa0;: %1</translation>
    </message>
    <message>
        <source>none (filed %1)</source>
        <translation>aucune (classé le %1)</translation>
    </message>
    <message>
        <source>The text goes on: only its first MiB is read here. An export holds all of the message.</source>
        <translation>Le texte continue&#xa0;: seul son premier Mio est lu ici. Un export contient tout le message.</translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s) without a name</source>
        <translation>
            <numerusform>%n pièce jointe sans nom</numerusform>
            <numerusform>%n pièces jointes sans nom</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copying %n message(s) to %1…</source>
        <translation>
            <numerusform>Copie de %n message dans %1…</numerusform>
            <numerusform>Copie de %n messages dans %1…</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting the messages found…</source>
        <translation>Export des messages trouvés…</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n message(s)…</source>
        <translation>
            <numerusform>Export de %n message…</numerusform>
            <numerusform>Export de %n messages…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Finding the messages…</source>
        <translation>Recherche des messages…</translation>
    </message>
    <message>
        <source>%1 of %2 messages…</source>
        <translation>%1 messages sur %2…</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more (see the details)</source>
        <translation>
            <numerusform>… et %n autre (voir les détails)</numerusform>
            <numerusform>… et %n autres (voir les détails)</numerusform>
        </translation>
    </message>
    <message>
        <source>The .eml files written before the cancel are in %1.</source>
        <translation>Les fichiers .eml écrits avant l’annulation sont dans %1.</translation>
    </message>
    <message>
        <source>No file was written.</source>
        <translation>Aucun fichier n’a été écrit.</translation>
    </message>
    <message>
        <source>Copies of this message (%1)</source>
        <translation>Copies de ce message (%1)</translation>
    </message>
    <message>
        <source>Every mailbox and folder the message is in, and the envelope recipient each copy was delivered to</source>
        <translation>Chaque boîte aux lettres et chaque dossier où se trouve le message, et le destinataire d’enveloppe à qui chaque copie a été distribuée</translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) found</source>
        <translation>
            <numerusform>%Ln message trouvé</numerusform>
            <numerusform>%Ln messages trouvés</numerusform>
        </translation>
    </message>
    <message>
        <source>This copy expired and its message is no longer kept: what is shown is what the search index kept of it.</source>
        <translation>Cette copie a expiré et son message n’est plus conservé&#xa0;: ce qui est affiché est ce que l’index de recherche en a gardé.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln copy(ies)</source>
        <translation>
            <numerusform>%Ln copie</numerusform>
            <numerusform>%Ln copies</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::ui::ServerDialog</name>
    <message>
        <source>Options | Server</source>
        <translation>Options | Serveur</translation>
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
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>mail.example.com</source>
        <translation>mail.example.com</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Parc&amp;ourir…</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Boîtes aux lettres</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personnalisé</translation>
    </message>
    <message>
        <source>The role names the preset this configuration follows. Editing an option of the preset makes it Custom; File › Run role wizard… sets a role&apos;s options.</source>
        <translation>Le rôle désigne le préréglage suivi par cette configuration. Modifier une option du préréglage fait passer le rôle à Personnalisé&#xa0;; Fichier › Lancer l’assistant de rôle… applique les options d’un rôle.</translation>
    </message>
    <message>
        <source>&amp;Primary domain:</source>
        <translation>Domaine &amp;principal&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Extra local domains:</source>
        <translation>Domaines locaux s&amp;upplémentaires&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Host name:</source>
        <translation>Nom d’&amp;hôte&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Data folder:</source>
        <translation>&amp;Dossier de données&#xa0;:</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>&amp;Rôle&#xa0;:</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Inbox Properties › Passthrough: %1</source>
        <translation>Propriétés de la Boîte de réception › Transit&#xa0;: %1</translation>
    </message>
    <message>
        <source>Mailboxes: %1</source>
        <translation>Boîtes aux lettres&#xa0;: %1</translation>
    </message>
    <message>
        <source>“%1” is not a domain name such as other.example.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un nom de domaine comme other.example.</translation>
    </message>
    <message>
        <source>“%1” is already a local domain.</source>
        <translation>«&#xa0;%1&#xa0;» est déjà un domaine local.</translation>
    </message>
    <message>
        <source>Data Folder</source>
        <translation>Dossier de données</translation>
    </message>
    <message>
        <source>The organisation&apos;s mail domain, such as example.com.</source>
        <translation>Le domaine de messagerie de l’organisation, comme example.com.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The primary local domain: mail for it is stored here, and users named without a domain belong to it. A Mailbox and its Archive use the same primary domain.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Le domaine local principal&#xa0;: son courrier est stocké ici, et les utilisateurs nommés sans domaine lui appartiennent. Une machine Boîtes aux lettres et son Archive utilisent le même domaine principal.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Another domain this server takes mail for; then Add.</source>
        <translation>Un autre domaine dont ce serveur accepte le courrier&#xa0;; puis Ajouter.</translation>
    </message>
    <message>
        <source>&lt;p&gt;A further local domain to add to the list with &lt;i&gt;Add&lt;/i&gt;, in Unicode or ASCII form (bücher.example or xn--bcher-kva.example).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Un autre domaine local à ajouter à la liste avec &lt;i&gt;Ajouter&lt;/i&gt;, sous forme Unicode ou ASCII (bücher.example ou xn--bcher-kva.example).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Further domains whose mail is local, like the primary domain&apos;s.</source>
        <translation>D’autres domaines dont le courrier est local, comme celui du domaine principal.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Extra local domains: mail for them is stored here, like the primary domain&apos;s. A local address is one in the primary domain or one of these (compared without case, internationalized domains in their ASCII form).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Domaines locaux supplémentaires&#xa0;: leur courrier est stocké ici, comme celui du domaine principal. Une adresse locale est dans le domaine principal ou l’un de ceux-ci (comparés sans tenir compte de la casse, les domaines internationalisés sous leur forme ASCII).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>This machine&apos;s name in the greeting, Received: headers and reports.</source>
        <translation>Le nom de cette machine dans l’accueil, les en-têtes Received: et les avis.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The host name in the SMTP greeting and EHLO reply, in Received: headers, in Maildir file names and as the reporting server of delivery notices. Use the name the machine&apos;s MX or A record has, such as mailbox.example.com; a self-signed certificate is made for it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Le nom d’hôte dans l’accueil SMTP et la réponse EHLO, dans les en-têtes Received:, dans les noms de fichiers Maildir et comme serveur rapporteur des avis de remise. Utilisez le nom de l’enregistrement MX ou A de la machine, comme mailbox.example.com&#xa0;; un certificat autosigné est créé pour lui.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The folder of the spool, the mailboxes and the log.</source>
        <translation>Le dossier de la file, des boîtes aux lettres et du journal.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The data folder: the durable queue, the Maildir++ mailboxes and the log, relative to the configuration file&apos;s folder unless absolute. The engine&apos;s user must be able to write it. It can only change while the engine is stopped.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Le dossier de données&#xa0;: la file durable, les boîtes aux lettres Maildir++ et le journal, relatif au dossier du fichier de configuration sauf s’il est absolu. L’utilisateur du moteur doit pouvoir y écrire. Il ne peut changer que lorsque le moteur est arrêté.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The preset this configuration follows: Mailbox, Archive or Custom.</source>
        <translation>Le préréglage que suit cette configuration&#xa0;: Boîtes aux lettres, Archive ou Personnalisé.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Mailbox&lt;/b&gt; serves the users and copies every message to the Archive; &lt;b&gt;Archive&lt;/b&gt; files a copy of everything, creates mailboxes and Sent copies and relays outgoing mail. A role is only a preset: changing one of its options makes the configuration &lt;b&gt;Custom&lt;/b&gt;. File › Run role wizard… sets all of a role&apos;s options.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Boîtes aux lettres&lt;/b&gt; sert les utilisateurs et copie chaque message vers l’Archive&#xa0;; &lt;b&gt;Archive&lt;/b&gt; classe une copie de tout, crée les boîtes et les copies envoyées et relaie le courrier sortant. Un rôle n’est qu’un préréglage&#xa0;: modifier l’une de ses options rend la configuration &lt;b&gt;Personnalisé&lt;/b&gt;. Fichier › Lancer l’assistant de rôle… règle toutes les options d’un rôle.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>tandem::ui::SmtpServiceDialog</name>
    <message>
        <source>SMTP Service Properties — %1 port %2</source>
        <translation>Propriétés du service SMTP — %1, port %2</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Général</translation>
    </message>
    <message>
        <source>&amp;Blacklists</source>
        <translation>&amp;Listes noires</translation>
    </message>
    <message>
        <source>&amp;Relaying &amp;&amp; Authentication</source>
        <translation>&amp;Relais et authentification</translation>
    </message>
    <message>
        <source>this SMTP service</source>
        <translation>ce service SMTP</translation>
    </message>
    <message>
        <source>the SMTP service on %1 port %2</source>
        <translation>le service SMTP sur %1, port %2</translation>
    </message>
    <message>
        <source>0.0.0.0, ::, or one address</source>
        <translation>0.0.0.0, ::, ou une adresse</translation>
    </message>
    <message>
        <source>SMTP (mail from other servers, STARTTLS offered)</source>
        <translation>SMTP (courrier des autres serveurs, STARTTLS proposé)</translation>
    </message>
    <message>
        <source>Submission (mail clients, STARTTLS)</source>
        <translation>Soumission (clients de messagerie, STARTTLS)</translation>
    </message>
    <message>
        <source>SMTPS (mail clients, implicit TLS)</source>
        <translation>SMTPS (clients de messagerie, TLS implicite)</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>&amp;Mode&#xa0;:</translation>
    </message>
    <message>
        <source>Reject non-local senders claiming to be local</source>
        <translation>Rejeter les expéditeurs non locaux se présentant comme locaux</translation>
    </message>
    <message>
        <source>On a connection that is neither from an allowed network nor authenticated, a MAIL FROM address in a local domain is refused (550 5.7.1), so that mail which only looks local is never archived as sent by a local user.</source>
        <translation>Sur une connexion qui ne provient pas d’un réseau autorisé et n’est pas authentifiée, une adresse MAIL FROM d’un domaine local est refusée (550 5.7.1), afin qu’un courrier qui semble seulement local ne soit jamais archivé comme envoyé par un utilisateur local.</translation>
    </message>
    <message>
        <source>Allowed networks (every SMTP service)</source>
        <translation>Réseaux autorisés (tous les services SMTP)</translation>
    </message>
    <message>
        <source>192.168.1.0/24</source>
        <translation>192.168.1.0/24</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>A&amp;jouter</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Suppri&amp;mer</translation>
    </message>
    <message>
        <source>Clients in these networks may relay to any domain without logging in.</source>
        <translation>Les clients de ces réseaux peuvent relayer vers n’importe quel domaine sans se connecter.</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <source>Require authentication</source>
        <translation>Exiger l’authentification</translation>
    </message>
    <message>
        <source>Allow authentication without TLS</source>
        <translation>Autoriser l’authentification sans TLS</translation>
    </message>
    <message>
        <source>(every SMTP service; passwords then cross the network readable — for a trusted loopback only)</source>
        <translation>(tous les services SMTP&#xa0;; les mots de passe circulent alors en clair sur le réseau — uniquement pour une boucle locale de confiance)</translation>
    </message>
    <message>
        <source>“%1” is not a network such as 192.168.1.0/24 or 10.0.0.5/32.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un réseau comme 192.168.1.0/24 ou 10.0.0.5/32.</translation>
    </message>
    <message>
        <source>“%1” is already in the list.</source>
        <translation>«&#xa0;%1&#xa0;» figure déjà dans la liste.</translation>
    </message>
    <message>
        <source>Accept mail only from these networks and authenticated clients (this service)</source>
        <translation>N’accepter le courrier que de ces réseaux et des clients authentifiés (ce service)</translation>
    </message>
    <message>
        <source>Anyone may now hand mail to this Archive. Their mail is kept in the catch-all mailbox: only these networks and authenticated clients make mailboxes and Sent copies, at most smtp.max_new_mailboxes_per_hour per client.</source>
        <translation>N’importe qui peut désormais remettre du courrier à cette Archive. Il est conservé dans la boîte fourre-tout : seuls ces réseaux et les clients authentifiés créent des boîtes et des copies dans Envoyés, au plus smtp.max_new_mailboxes_per_hour par client.</translation>
    </message>
    <message>
        <source>0.0.0.0 listens on every IPv4 address of this machine, :: on every IPv6 address. SMTPS needs the server certificate below.</source>
        <translation>0.0.0.0 écoute sur toutes les adresses IPv4 de cette machine,&#xa0;:: sur toutes les adresses IPv6. SMTPS nécessite le certificat du serveur ci-dessous.</translation>
    </message>
    <message>
        <source>TLS certificate (every SMTP service)</source>
        <translation>Certificat TLS (tous les services SMTP)</translation>
    </message>
    <message>
        <source>none: no STARTTLS, no SMTPS</source>
        <translation>aucun&#xa0;: ni STARTTLS, ni SMTPS</translation>
    </message>
    <message>
        <source>the certificate&apos;s private key</source>
        <translation>la clé privée du certificat</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Parco&amp;urir…</translation>
    </message>
    <message>
        <source>Brows&amp;e…</source>
        <translation>Parcour&amp;ir…</translation>
    </message>
    <message>
        <source>Make a se&amp;lf-signed certificate</source>
        <translation>Créer un certificat auto&amp;signé</translation>
    </message>
    <message>
        <source>&amp;Certificate:</source>
        <translation>&amp;Certificat&#xa0;:</translation>
    </message>
    <message>
        <source>Private &amp;key:</source>
        <translation>Clé pri&amp;vée&#xa0;:</translation>
    </message>
    <message>
        <source>Key passp&amp;hrase:</source>
        <translation>P&amp;hrase secrète de la clé&#xa0;:</translation>
    </message>
    <message>
        <source>Choose the certificate</source>
        <translation>Choisir le certificat</translation>
    </message>
    <message>
        <source>Choose the certificate&apos;s private key</source>
        <translation>Choisir la clé privée du certificat</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>Fichiers PEM (*.pem *.crt *.key);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Without a certificate, STARTTLS is not offered and SMTPS services cannot start; mail clients then cannot log in.</source>
        <translation>Sans certificat, STARTTLS n’est pas proposé et les services SMTPS ne peuvent pas démarrer&#xa0;; les clients de messagerie ne peuvent alors pas se connecter.</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 ne contient aucun certificat PEM.</translation>
    </message>
    <message>
        <source>Self-signed certificate for %1, valid until %2. Servers take it for encryption; mail clients ask their users once to trust it.</source>
        <translation>Certificat autosigné pour %1, valable jusqu’au %2. Les serveurs l’acceptent pour le chiffrement&#xa0;; les clients de messagerie demandent une fois à leurs utilisateurs de lui faire confiance.</translation>
    </message>
    <message>
        <source>Certificate for %1 from %2, valid until %3.</source>
        <translation>Certificat pour %1 émis par %2, valable jusqu’au %3.</translation>
    </message>
    <message>
        <source>Making a key and a certificate for %1…</source>
        <translation>Création d’une clé et d’un certificat pour %1…</translation>
    </message>
    <message>
        <source>The certificate could not be made: %1</source>
        <translation>Le certificat n’a pas pu être créé&#xa0;: %1</translation>
    </message>
    <message>
        <source>The keychain did not take the passphrase: %1</source>
        <translation>Le trousseau n’a pas accepté la phrase secrète&#xa0;: %1</translation>
    </message>
    <message>
        <source>Choose the certificate for this key.</source>
        <translation>Choisissez le certificat de cette clé.</translation>
    </message>
    <message>
        <source>Choose the certificate&apos;s private key.</source>
        <translation>Choisissez la clé privée du certificat.</translation>
    </message>
    <message>
        <source>The key is encrypted: enter its passphrase.</source>
        <translation>La clé est chiffrée&#xa0;: saisissez sa phrase secrète.</translation>
    </message>
    <message>
        <source>This certificate and key cannot be used: %1</source>
        <translation>Ce certificat et cette clé ne peuvent pas être utilisés&#xa0;: %1</translation>
    </message>
    <message>
        <source>The address this service listens on: 0.0.0.0 or :: for all.</source>
        <translation>L’adresse d’écoute de ce service&#xa0;: 0.0.0.0 ou&#xa0;:: pour toutes.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The IP address this SMTP service takes connections on: one address of this machine, 0.0.0.0 for every IPv4 address, or :: for every IPv6 address. 127.0.0.1 takes mail from this machine only.&lt;/p&gt;</source>
        <translation>&lt;p&gt;L’adresse IP sur laquelle ce service SMTP accepte les connexions&#xa0;: une adresse de cette machine, 0.0.0.0 pour toutes les adresses IPv4, ou&#xa0;:: pour toutes les adresses IPv6. 127.0.0.1 n’accepte que le courrier de cette machine.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The TCP port: 25 for other servers, 587 or 465 for mail clients.</source>
        <translation>Le port TCP&#xa0;: 25 pour les autres serveurs, 587 ou 465 pour les clients de messagerie.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The port of this service: 25 is where other mail servers (and the partner machine) deliver, 587 (submission) and 465 (SMTPS) are where users&apos; mail programs send. Ports below 1024 need root or CAP_NET_BIND_SERVICE. A port another program holds is refused when the settings are applied, and nothing changes.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Le port de ce service&#xa0;: sur 25 livrent les autres serveurs de messagerie (et la machine partenaire), sur 587 (soumission) et 465 (SMTPS) envoient les programmes de messagerie des utilisateurs. Les ports inférieurs à 1024 exigent root ou CAP_NET_BIND_SERVICE. Un port qu’un autre programme occupe est refusé à l’application des paramètres, et rien ne change.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>What the service is for, and how TLS starts on it.</source>
        <translation>À quoi sert le service, et comment TLS y commence.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;SMTP&lt;/b&gt;: mail from other servers; STARTTLS is offered when there is a certificate. &lt;b&gt;Submission&lt;/b&gt;: users&apos; mail programs, TLS with STARTTLS. &lt;b&gt;SMTPS&lt;/b&gt;: users&apos; mail programs, TLS from the first byte (RFC 8314); it needs the certificate below.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;SMTP&lt;/b&gt;&#xa0;: courrier des autres serveurs&#xa0;; STARTTLS est proposé s’il y a un certificat. &lt;b&gt;Soumission&lt;/b&gt;&#xa0;: programmes de messagerie des utilisateurs, TLS par STARTTLS. &lt;b&gt;SMTPS&lt;/b&gt;&#xa0;: programmes de messagerie des utilisateurs, TLS dès le premier octet (RFC 8314)&#xa0;; il exige le certificat ci-dessous.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The server&apos;s certificate (PEM), for STARTTLS and SMTPS on every service.</source>
        <translation>Le certificat du serveur (PEM), pour STARTTLS et SMTPS sur tous les services.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The PEM file with the server&apos;s certificate (and its chain), for STARTTLS and SMTPS on every SMTP service. Chosen here, it is checked at OK as the engine checks it at start: the key must belong to the certificate. A renewed file is picked up by the running engine by itself.&lt;/p&gt;&lt;p&gt;Leave it empty for no TLS: then STARTTLS is not offered, SMTPS cannot start, and mail clients cannot log in.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Le fichier PEM du certificat du serveur (et de sa chaîne), pour STARTTLS et SMTPS sur tous les services SMTP. Choisi ici, il est vérifié à OK comme le moteur le vérifie au démarrage&#xa0;: la clé doit appartenir au certificat. Un fichier renouvelé est repris de lui-même par le moteur en marche.&lt;/p&gt;&lt;p&gt;Laissez-le vide pour se passer de TLS&#xa0;: STARTTLS n’est alors pas proposé, SMTPS ne peut pas démarrer et les clients de messagerie ne peuvent pas se connecter.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The certificate&apos;s private key (PEM).</source>
        <translation>La clé privée du certificat (PEM).</translation>
    </message>
    <message>
        <source>&lt;p&gt;The PEM file with the certificate&apos;s private key (RSA or EC). Keep it readable by the user the engine runs as only; a key made here is written so. An encrypted key needs its passphrase below.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Le fichier PEM de la clé privée du certificat (RSA ou EC). Ne le rendez lisible que par l’utilisateur sous lequel tourne le moteur&#xa0;; une clé créée ici est écrite ainsi. Une clé chiffrée a besoin de sa phrase secrète ci-dessous.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The passphrase of an encrypted key; it is kept in the keychain.</source>
        <translation>La phrase secrète d’une clé chiffrée&#xa0;; elle est conservée dans le trousseau.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Only for an encrypted key: the passphrase that opens it. The console keeps it in the desktop keychain, never in the configuration file (tandemd reads it from its secrets file, tls_key_passphrase).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Seulement pour une clé chiffrée&#xa0;: la phrase secrète qui l’ouvre. La console la conserve dans le trousseau du bureau, jamais dans le fichier de configuration (tandemd la lit dans son fichier de secrets, tls_key_passphrase).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Make a new key and a self-signed certificate for %1</source>
        <translation>Créer une nouvelle clé et un certificat autosigné pour %1</translation>
    </message>
    <message>
        <source>Refuse a local sender address from a client that is neither trusted nor logged in (550 5.7.1).</source>
        <translation>Refuser une adresse d’expéditeur locale venant d’un client ni de confiance ni connecté (550 5.7.1).</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Reject non-local senders claiming to be local&lt;/b&gt;: on a connection that is neither from an allowed network nor authenticated, MAIL FROM with an address in a local domain is refused with 550 5.7.1. It prevents mail that only looks local from being archived as sent &quot;from&quot; a local user.&lt;/p&gt;&lt;p&gt;On in the Mailbox role&apos;s port 25 service, off on its submission service (where users log in) and on an Archive.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Rejeter les expéditeurs non locaux se présentant comme locaux&lt;/b&gt;&#xa0;: sur une connexion qui ne vient pas d’un réseau autorisé et n’est pas authentifiée, un MAIL FROM avec une adresse d’un domaine local est refusé par 550 5.7.1. Ainsi le courrier qui n’a que l’apparence locale n’est jamais archivé comme envoyé «&#xa0;par&#xa0;» un utilisateur local.&lt;/p&gt;&lt;p&gt;Activé sur le service du port 25 du rôle Boîtes aux lettres, désactivé sur son service de soumission (où les utilisateurs se connectent) et sur une Archive.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>A network to allow, such as 192.168.1.0/24; then Add.</source>
        <translation>Un réseau à autoriser, comme 192.168.1.0/24&#xa0;; puis Ajouter.</translation>
    </message>
    <message>
        <source>&lt;p&gt;A network in address/prefix form (192.168.1.0/24, 10.0.0.5/32, fd00::/8) to add to the allowed networks with &lt;i&gt;Add&lt;/i&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Un réseau sous la forme adresse/préfixe (192.168.1.0/24, 10.0.0.5/32, fd00::/8) à ajouter aux réseaux autorisés avec &lt;i&gt;Ajouter&lt;/i&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Allowed networks&lt;/b&gt; (every SMTP service): a client in one of these networks may send to any domain without logging in, and counts as trusted. Anyone else may send only to local recipients; a remote recipient is refused with 554 5.7.1 relay denied. An Archive must allow the Mailbox machine.&lt;/p&gt;&lt;p&gt;A network that would let the whole Internet relay through a service that does not require authentication is refused: Tandem is never an open relay.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Réseaux autorisés&lt;/b&gt; (tous les services SMTP)&#xa0;: un client de l’un de ces réseaux peut envoyer vers tout domaine sans se connecter, et il est de confiance. Les autres ne peuvent envoyer qu’à des destinataires locaux&#xa0;; un destinataire distant est refusé par 554 5.7.1 relay denied. Une Archive doit autoriser la machine Boîtes aux lettres.&lt;/p&gt;&lt;p&gt;Un réseau qui laisserait tout Internet relayer par un service n’exigeant pas d’authentification est refusé&#xa0;: Tandem n’est jamais un relais ouvert.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Take mail only from the allowed networks and logged-in clients.</source>
        <translation>N’accepter le courrier que des réseaux autorisés et des clients connectés.</translation>
    </message>
    <message>
        <source>&lt;p&gt;On this service, accept mail only from the allowed networks and from authenticated clients; anyone else&apos;s MAIL FROM is refused with 550 5.7.1. On by default on an Archive, which takes mail from its partner only. Unticked on an Archive, outsiders&apos; mail is kept in the catch-all mailbox and makes no mailboxes or Sent copies.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Sur ce service, n’accepter le courrier que des réseaux autorisés et des clients authentifiés&#xa0;; le MAIL FROM de tout autre est refusé par 550 5.7.1. Activé par défaut sur une Archive, qui ne prend le courrier que de sa partenaire. Décoché sur une Archive, le courrier des inconnus est gardé dans la boîte fourre-tout et ne crée ni boîtes ni copies envoyées.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Every transaction on this service must log in first (530 5.7.0).</source>
        <translation>Chaque transaction sur ce service doit d’abord se connecter (530 5.7.0).</translation>
    </message>
    <message>
        <source>&lt;p&gt;Every transaction on this service must be authenticated; without it MAIL FROM is answered 530 5.7.0. For the submission service of users&apos; mail programs. AUTH is offered only under TLS, so this needs the certificate (or &lt;i&gt;Allow authentication without TLS&lt;/i&gt;).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Chaque transaction sur ce service doit être authentifiée&#xa0;; sinon MAIL FROM reçoit 530 5.7.0. Pour le service de soumission des programmes de messagerie des utilisateurs. AUTH n’est proposé que sous TLS&#xa0;: il faut donc le certificat (ou &lt;i&gt;Autoriser l’authentification sans TLS&lt;/i&gt;).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Offer AUTH without TLS (every service): for a trusted loopback only.</source>
        <translation>Proposer AUTH sans TLS (tous les services)&#xa0;: pour une boucle locale de confiance seulement.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Offer AUTH on connections without TLS, on every SMTP service. Passwords then cross the network readable by anyone on the way: only for tests on a trusted loopback.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Proposer AUTH sur les connexions sans TLS, sur tous les services SMTP. Les mots de passe traversent alors le réseau lisibles par quiconque sur le chemin&#xa0;: seulement pour des tests sur une boucle locale de confiance.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>only for an encrypted key</source>
        <translation>uniquement pour une clé chiffrée</translation>
    </message>
</context>
<context>
    <name>tandem::ui::UserList</name>
    <message>
        <source>A user name has letters, digits and . _ + - only.</source>
        <translation>Un nom d’utilisateur ne contient que des lettres, des chiffres et . _ + -</translation>
    </message>
    <message>
        <source>“%1” is not a local domain (Options | Server).</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un domaine local (Options | Serveur).</translation>
    </message>
    <message>
        <source>“%1” is already a user.</source>
        <translation>«&#xa0;%1&#xa0;» est déjà un utilisateur.</translation>
    </message>
    <message>
        <source>a mailbox of its own, “postmaster”</source>
        <translation>une boîte à part, «&#xa0;postmaster&#xa0;»</translation>
    </message>
</context>
<context>
    <name>tandem::ui::wizard::CertificatePage</name>
    <message>
        <source>TLS certificate</source>
        <translation>Certificat TLS</translation>
    </message>
    <message>
        <source>With a certificate, mail travels encrypted (STARTTLS) and users can log in safely.</source>
        <translation>Avec un certificat, le courrier circule chiffré (STARTTLS) et les utilisateurs peuvent se connecter en toute sécurité.</translation>
    </message>
    <message>
        <source>&amp;Use existing PEM files:</source>
        <translation>&amp;Utiliser des fichiers PEM existants&#xa0;:</translation>
    </message>
    <message>
        <source>N&amp;o certificate</source>
        <translation>&amp;Aucun certificat</translation>
    </message>
    <message>
        <source>certificate, e.g. cert.pem</source>
        <translation>certificat, p. ex. cert.pem</translation>
    </message>
    <message>
        <source>private key, e.g. key.pem</source>
        <translation>clé privée, p. ex. key.pem</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>Parc&amp;ourir…</translation>
    </message>
    <message>
        <source>Choose the certificate</source>
        <translation>Choisir le certificat</translation>
    </message>
    <message>
        <source>Choose the private key</source>
        <translation>Choisir la clé privée</translation>
    </message>
    <message>
        <source>&amp;Certificate:</source>
        <translation>&amp;Certificat&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>C&amp;lé&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Generate a self-signed certificate for %1 now</source>
        <translation>&amp;Générer maintenant un certificat autosigné pour %1</translation>
    </message>
    <message>
        <source>Written to %1 and %2. Mail servers accept it for encryption; mail clients ask their users to trust it once.</source>
        <translation>Écrit dans %1 et %2. Les serveurs de messagerie l’acceptent pour le chiffrement&#xa0;; les clients de messagerie demandent une fois à leurs utilisateurs de lui faire confiance.</translation>
    </message>
    <message>
        <source>Mail travels unencrypted, and users cannot log in to send mail unless plaintext authentication is turned on.</source>
        <translation>Le courrier circule sans chiffrement, et les utilisateurs ne peuvent pas se connecter pour envoyer du courrier à moins d’activer l’authentification en clair.</translation>
    </message>
    <message>
        <source>Mail from the Mailbox travels unencrypted.</source>
        <translation>Le courrier provenant du serveur de boîtes aux lettres circule sans chiffrement.</translation>
    </message>
    <message>
        <source>Choose the certificate file.</source>
        <translation>Choisissez le fichier de certificat.</translation>
    </message>
    <message>
        <source>Choose the private key file.</source>
        <translation>Choisissez le fichier de clé privée.</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>Fichiers PEM (*.pem *.crt *.key);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>%1 is not a readable PEM certificate.</source>
        <translation>%1 n’est pas un certificat PEM lisible.</translation>
    </message>
    <message>
        <source>%1 is not a readable PEM private key.</source>
        <translation>%1 n’est pas une clé privée PEM lisible.</translation>
    </message>
    <message>
        <source>The certificate could not be made: %1</source>
        <translation>Impossible de créer le certificat&#xa0;: %1</translation>
    </message>
    <message>
        <source>The certificate could not be made: openssl failed: %1</source>
        <translation>Impossible de créer le certificat&#xa0;: openssl a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>The certificate could not be made: openssl could not be started (%1).</source>
        <translation>Impossible de créer le certificat&#xa0;: openssl n’a pas pu être lancé (%1).</translation>
    </message>
    <message>
        <source>Making the certificate for %1…</source>
        <translation>Création du certificat pour %1…</translation>
    </message>
    <message>
        <source>only for an encrypted key</source>
        <translation>uniquement pour une clé chiffrée</translation>
    </message>
    <message>
        <source>Kept in the desktop keychain, never in the configuration file.</source>
        <translation>Conservée dans le trousseau du bureau, jamais dans le fichier de configuration.</translation>
    </message>
    <message>
        <source>Key &amp;passphrase:</source>
        <translation>P&amp;hrase secrète de la clé&#xa0;:</translation>
    </message>
    <message>
        <source>%1 is encrypted: enter its passphrase.</source>
        <translation>%1 est chiffrée&#xa0;: saisissez sa phrase secrète.</translation>
    </message>
    <message>
        <source>The passphrase does not open %1.</source>
        <translation>La phrase secrète n’ouvre pas %1.</translation>
    </message>
    <message>
        <source>%1 is not a readable PEM RSA or EC private key.</source>
        <translation>%1 n’est pas une clé privée RSA ou EC lisible au format PEM.</translation>
    </message>
    <message>
        <source>Without a certificate nobody could log in to send mail: a Mailbox&apos;s users log in only over TLS. Generate a certificate or choose one.</source>
        <translation>Sans certificat, personne ne pourrait se connecter pour envoyer du courrier&#xa0;: les utilisateurs d’un serveur de boîtes aux lettres ne se connectent que sous TLS. Générez un certificat ou choisissez-en un.</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Pa&amp;rcourir…</translation>
    </message>
</context>
<context>
    <name>tandem::ui::wizard::DomainPage</name>
    <message>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <source>Both machines serve the same domain. The host name is this machine&apos;s own name, used in the greeting and in Received: headers.</source>
        <translation>Les deux machines servent le même domaine. Le nom d’hôte est le nom propre de cette machine, utilisé dans la bannière d’accueil et dans les en-têtes Received:.</translation>
    </message>
    <message>
        <source>example.com</source>
        <translation>example.com</translation>
    </message>
    <message>
        <source>optional, e.g. example.org</source>
        <translation>facultatif, p. ex. example.org</translation>
    </message>
    <message>
        <source>e.g. mail.example.com</source>
        <translation>p. ex. mail.example.com</translation>
    </message>
    <message>
        <source>Primary &amp;domain:</source>
        <translation>&amp;Domaine principal&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Other local domains:</source>
        <translation>&amp;Autres domaines locaux&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Host name of this machine:</source>
        <translation>&amp;Nom d’hôte de cette machine&#xa0;:</translation>
    </message>
</context>
<context>
    <name>tandem::ui::wizard::FlowWidget</name>
    <message>
        <source>Mail flow: Internet, Mailbox, Archive, Internet</source>
        <translation>Flux du courrier&#xa0;: Internet, Boîtes aux lettres, Archive, Internet</translation>
    </message>
    <message>
        <source>Internet</source>
        <translation>Internet</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Boîtes aux lettres</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archive</translation>
    </message>
</context>
<context>
    <name>tandem::ui::wizard::ListenersPage</name>
    <message>
        <source>Listeners and relaying</source>
        <translation>Écouteurs et relais</translation>
    </message>
    <message>
        <source>0.0.0.0 = every address</source>
        <translation>0.0.0.0 = toutes les adresses</translation>
    </message>
    <message>
        <source>e.g. 192.168.1.0/24</source>
        <translation>p. ex. 192.168.1.0/24</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;SMTP (mail from other servers):</source>
        <translation>S&amp;MTP (courrier des autres serveurs)&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>Po&amp;rt&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;LAN allowed to relay:</source>
        <translation>Réseau &amp;local autorisé à relayer&#xa0;:</translation>
    </message>
    <message>
        <source>Machines on these networks may send mail anywhere without logging in. Separate networks with commas.</source>
        <translation>Les machines de ces réseaux peuvent envoyer du courrier vers n’importe quelle destination sans se connecter. Séparez les réseaux par des virgules.</translation>
    </message>
    <message>
        <source>&amp;Other networks allowed to relay:</source>
        <translation>&amp;Autres réseaux autorisés à relayer&#xa0;:</translation>
    </message>
    <message>
        <source>The Mailbox machine (%1) is added to these. Separate networks with commas.</source>
        <translation>Le serveur de boîtes aux lettres (%1) y est ajouté. Séparez les réseaux par des virgules.</translation>
    </message>
    <message>
        <source>its address</source>
        <translation>son adresse</translation>
    </message>
    <message>
        <source>S&amp;ubmission (users&apos; mail clients):</source>
        <translation>So&amp;umission (clients de messagerie des utilisateurs)&#xa0;:</translation>
    </message>
    <message>
        <source>Ports below 1024 need root or the CAP_NET_BIND_SERVICE capability. tandemd&apos;s systemd unit gives it (AmbientCapabilities=CAP_NET_BIND_SERVICE) and runs tandemd as a user of its own; to run the engine in this console, give the console the capability once: setcap cap_net_bind_service=+ep %1</source>
        <translation>Les ports inférieurs à 1024 demandent root ou la capacité CAP_NET_BIND_SERVICE. L’unité systemd de tandemd la lui donne (AmbientCapabilities=CAP_NET_BIND_SERVICE) et le fait tourner sous un utilisateur à lui&#xa0;; pour faire tourner le moteur dans cette console, donnez-lui la capacité une fois pour toutes&#xa0;: setcap cap_net_bind_service=+ep %1</translation>
    </message>
    <message>
        <source>SMTP takes mail from other servers (port 25 on the Internet) and refuses outsiders that claim a local sender; submission takes the users&apos; mail after they log in (port 587).</source>
        <translation>SMTP reçoit le courrier des autres serveurs (port 25 sur Internet) et refuse les inconnus qui se disent expéditeurs locaux&#xa0;; la soumission reçoit le courrier des utilisateurs une fois connectés (port 587).</translation>
    </message>
    <message>
        <source>SMTP takes the copies from the Mailbox and, if the MX is moved here, mail from the Internet (port 25). An Archive has no submission port.</source>
        <translation>SMTP reçoit les copies du serveur de boîtes aux lettres et, si le MX est déplacé ici, le courrier d’Internet (port 25). Un serveur d’archive n’a pas de port de soumission.</translation>
    </message>
</context>
<context>
    <name>tandem::ui::wizard::PartnerPage</name>
    <message>
        <source>Outgoing mail</source>
        <translation>Courrier sortant</translation>
    </message>
    <message>
        <source>optional, e.g. smtp.provider.example</source>
        <translation>facultatif, p. ex. smtp.provider.example</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort&#xa0;:</translation>
    </message>
    <message>
        <source>ISP&apos;s &amp;SmartHost:</source>
        <translation>SmartHost du &amp;FAI&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>Po&amp;rt&#xa0;:</translation>
    </message>
    <message>
        <source>The Archive machine</source>
        <translation>Le serveur d’archive</translation>
    </message>
    <message>
        <source>Where this Mailbox sends its mail.</source>
        <translation>Destination du courrier de ce serveur de boîtes aux lettres.</translation>
    </message>
    <message>
        <source>Archive&apos;s &amp;address:</source>
        <translation>&amp;Adresse du serveur d’archive&#xa0;:</translation>
    </message>
    <message>
        <source>host name or IP address</source>
        <translation>nom d’hôte ou adresse IP</translation>
    </message>
    <message>
        <source>The Mailbox machine</source>
        <translation>Le serveur de boîtes aux lettres</translation>
    </message>
    <message>
        <source>Where this Archive&apos;s copies come from, and how it sends mail on.</source>
        <translation>D’où viennent les copies reçues par ce serveur d’archive, et comment il achemine le courrier.</translation>
    </message>
    <message>
        <source>Mailbox&apos;s &amp;address:</source>
        <translation>&amp;Adresse du serveur de boîtes aux lettres&#xa0;:</translation>
    </message>
    <message>
        <source>IP address, e.g. 192.168.1.10</source>
        <translation>adresse IP, p. ex. 192.168.1.10</translation>
    </message>
    <message>
        <source>All outgoing mail, and a copy of all mail for the local domains, goes to the Archive machine (a static route for every domain, *). The Archive delivers it to the Internet. Its port is the one the Archive&apos;s SMTP service listens on: 25, unless it was changed there.</source>
        <translation>Tout le courrier sortant, et une copie de tout le courrier des domaines locaux, va au serveur d’archive (une route statique pour tous les domaines, *). Le serveur d’archive le remet sur Internet. Son port est celui où écoute le service SMTP du serveur d’archive&#xa0;: 25, sauf s’il y a été changé.</translation>
    </message>
    <message>
        <source>The Mailbox machine&apos;s address is allowed to relay through this Archive. Bounces for local users go back to the Mailbox, where the users read them. Its port is the one the Mailbox&apos;s SMTP service listens on: 25, unless it was changed there.</source>
        <translation>L’adresse du serveur de boîtes aux lettres peut relayer par ce serveur d’archive. Les rapports de non-remise pour les utilisateurs locaux retournent au serveur de boîtes aux lettres, où les utilisateurs les lisent. Son port est celui où écoute le service SMTP du serveur de boîtes aux lettres&#xa0;: 25, sauf s’il y a été changé.</translation>
    </message>
    <message>
        <source>Deliver by &amp;DNS</source>
        <translation>Remettre par &amp;DNS</translation>
    </message>
    <message>
        <source>Look up the recipients&apos; MX records, for the local domains too: their MX points to the Mailbox.</source>
        <translation>Rechercher les enregistrements MX des destinataires, pour les domaines locaux aussi&#xa0;: leur MX pointe vers le serveur de boîtes aux lettres.</translation>
    </message>
    <message>
        <source>Send mail for the &amp;local domains straight to the Mailbox</source>
        <translation>Envoyer le courrier des domaines &amp;locaux directement au serveur de boîtes aux lettres</translation>
    </message>
    <message>
        <source>When the local domains cannot be looked up in DNS from here. Other mail still goes by MX or the SmartHost.</source>
        <translation>Quand les domaines locaux ne peuvent pas être résolus par DNS d’ici. Le reste du courrier passe toujours par MX ou par le SmartHost.</translation>
    </message>
</context>
<context>
    <name>tandem::ui::wizard::RolePage</name>
    <message>
        <source>Choose this machine&apos;s role</source>
        <translation>Choisissez le rôle de cette machine</translation>
    </message>
    <message>
        <source>Tandem runs on two machines. Mail from the Internet reaches the Mailbox, which passes a copy of everything to the Archive; the Archive sends outgoing mail to the Internet.</source>
        <translation>Tandem fonctionne sur deux machines. Le courrier venant d’Internet arrive sur le serveur de boîtes aux lettres, qui transmet une copie de tout au serveur d’archive&#xa0;; le serveur d’archive envoie le courrier sortant vers Internet.</translation>
    </message>
    <message>
        <source>&amp;Mailbox</source>
        <translation>&amp;Boîtes aux lettres</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Archive</translation>
    </message>
    <message>
        <source>This machine serves the users: it receives the domain&apos;s mail from the Internet, keeps the users&apos; mailboxes and takes their outgoing mail on the submission port. Every message goes on to the Archive.</source>
        <translation>Cette machine sert les utilisateurs&#xa0;: elle reçoit le courrier du domaine depuis Internet, héberge les boîtes aux lettres des utilisateurs et reçoit leur courrier sortant sur le port de soumission. Chaque message est ensuite transmis au serveur d’archive.</translation>
    </message>
    <message>
        <source>This machine keeps a copy of every message to, from and between the users in per-user mailboxes, and sends outgoing mail to the Internet. It can take over if the Mailbox machine fails.</source>
        <translation>Cette machine conserve une copie de chaque message envoyé aux utilisateurs, par eux et entre eux, dans une boîte aux lettres par utilisateur, et envoie le courrier sortant vers Internet. Elle peut prendre le relais en cas de panne du serveur de boîtes aux lettres.</translation>
    </message>
</context>
<context>
    <name>tandem::ui::wizard::SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Récapitulatif</translation>
    </message>
    <message>
        <source>Finish sets these options. Each stays editable in the Options dialogs; changing one makes the role Custom.</source>
        <translation>Terminer applique ces options. Chacune reste modifiable dans les boîtes de dialogue Options&#xa0;; en modifier une fait passer le rôle à Personnalisé.</translation>
    </message>
    <message>
        <source>Mailboxes › users: %1</source>
        <translation>Boîtes aux lettres › utilisateurs&#xa0;: %1</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>aucun pour l’instant</translation>
    </message>
    <message>
        <source>Mailboxes › mail to postmaster goes to: %1</source>
        <translation>Boîtes aux lettres › le courrier pour postmaster va à&#xa0;: %1</translation>
    </message>
    <message>
        <source>a mailbox of its own, “postmaster”</source>
        <translation>une boîte à part, «&#xa0;postmaster&#xa0;»</translation>
    </message>
</context>
<context>
    <name>tandem::ui::wizard::UsersPage</name>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>The people who get a mailbox on this machine and log in to send mail. Add them now, or go on without: Options | Mailboxes adds them later.</source>
        <translation>Les personnes qui ont une boîte aux lettres sur cette machine et s’y connectent pour envoyer du courrier. Ajoutez-les maintenant, ou continuez sans&#xa0;: Options | Boîtes aux lettres les ajoute plus tard.</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>alice or alice@other.example</source>
        <translation>alice ou alice@other.example</translation>
    </message>
    <message>
        <source>&amp;Add user</source>
        <translation>&amp;Ajouter l’utilisateur</translation>
    </message>
    <message>
        <source>&amp;Remove user</source>
        <translation>&amp;Retirer l’utilisateur</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nom d’&amp;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Mail to &amp;postmaster goes to:</source>
        <translation>Le courrier pour p&amp;ostmaster va à&#xa0;:</translation>
    </message>
    <message>
        <source>postmaster@ of every local domain must reach someone (RFC 5321): it takes the mail system&apos;s notices and other servers&apos; complaints. Choose who reads it.</source>
        <translation>postmaster@ de chaque domaine local doit joindre quelqu’un (RFC 5321)&#xa0;: il reçoit les avis du système de messagerie et les plaintes des autres serveurs. Choisissez qui le lit.</translation>
    </message>
    <message>
        <source>Type a password for %1: with it, they log in to send mail.</source>
        <translation>Saisissez un mot de passe pour %1&#xa0;: il sert à se connecter pour envoyer du courrier.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>set</source>
        <translation>défini</translation>
    </message>
</context>
</TS>
