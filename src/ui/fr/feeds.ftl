# Ce que dit appeal des flux signés d'actions (appeal feed, appeal update,
# et les flux dans list, compose et remind), en français. Suit en/feeds.ftl, clé par clé.

## Les flux tels qu'ils sont gardés
feed-bad-name = `{ $name }` ne peut pas être le nom d'un flux : utilisez des lettres minuscules, des chiffres, `-` et `_`, { $max } au plus
feed-exists = il y a déjà un flux `{ $name }` (voir `appeal feed list`) ; utilisez --force pour le remplacer
feed-unknown = il n'y a pas de flux `{ $name }` ; les flux sont : { $feeds }
feed-unknown-suggest = il n'y a pas de flux `{ $name }` ; vouliez-vous dire `{ $close }` ? (voir `appeal feed list`)
feed-none = il n'y a pas de flux `{ $name }` : aucun flux n'a été ajouté (appeal feed add NOM SOURCE --key CLÉ)
feed-no-keys = aucune clé n'est épinglée : un flux en demande au moins une
feed-no-folder = ce système n'a pas de dossier pour les données d'appeal
feed-doing-save = enregistrement de la liste des flux
feed-doing-remove = suppression de { $folder }
feed-left-out = { $error } ; ses flux sont laissés de côté
feed-folder-missing = { $folder } n'est pas là pour l'instant ; `appeal update` le lira quand il y sera (un disque ou une clé USB branchés)

## appeal feed add : sources et clés
feed-source-bad-url = pas une URL : { $error }
feed-source-query = l'adresse d'un flux est son dossier : elle ne prend ni `?` ni `#`
feed-source-credentials = l'adresse d'un flux ne prend ni nom d'utilisateur ni mot de passe : un flux est public, et c'est sa signature qui le protège
feed-source-http = http:// en clair n'est accepté que sur l'adresse locale (loopback) : partout ailleurs, il montre à tous ceux qui sont sur le chemin quel flux vous suivez, et leur permet de retenir ses mises à jour ; utilisez https://, ou un dossier
feed-source-bad-file-url = cette URL file:// ne désigne aucun dossier sur ce système
feed-source-scheme = `{ $scheme }:` n'est pas une sorte de source de flux : utilisez https://, file:// ou un dossier
feed-key-not-key = ni une clé publique minisign (la ligne qui commence par RW), ni un fichier qui en contient une
feed-key-file-no-key = ce fichier ne contient aucune clé publique minisign (la ligne qui commence par RW)
feed-added = flux `{ $name }` ajouté ({ $source }), signé avec la clé { $keys } ; lancez `appeal update { $name }` pour récupérer ses actions
feed-removed = flux `{ $name }` retiré, avec sa copie des actions ; l'historique garde vos lettres

## appeal feed list
feed-list-name = NOM
feed-list-source = ORIGINE
feed-list-keys = CLÉS
feed-list-updated = MIS À JOUR
feed-list-actions = ACTIONS
feed-never = jamais

## appeal update
feed-update-none = pas encore de flux : ajoutez-en un avec `appeal feed add NOM SOURCE --key CLÉ`
feed-doing-update = mise à jour du flux `{ $feed }`
feed-doing-fetch = flux `{ $feed }` : récupération de { $what }
# Un fichier d'un flux, dans les messages ; $path est son URL ou son chemin.
feed-file = flux `{ $feed }`, { $path }
feed-update-unchanged = { $feed } : à jour (publication { $sequence })
feed-update-installed = { $feed } : publication { $sequence } installée
feed-update-installed-was = { $feed } : publication { $sequence } installée (auparavant { $previous })
feed-update-new = nouvelle : { $id }
feed-update-updated = mise à jour : { $id }
feed-update-closed = close : { $id } (plus aucune lettre n'est demandée)
feed-update-removed = n'est plus dans le flux : { $id }
# $date suit date-pattern.
feed-update-further = complément d'information : `{ $id }` fait suite à `{ $earlier }`, pour laquelle vous avez écrit le { $date }
feed-update-kept = le flux `{ $feed }` n'a pas été mis à jour : sa copie du { $date } (publication { $sequence }) est gardée telle quelle
feed-update-nothing = le flux `{ $feed }` n'a pas été mis à jour : rien n'a été installé
feed-update-failed = { $count ->
    [one] 1 flux n'a pas pu être mis à jour
   *[other] { $count } flux n'ont pas pu être mis à jour
 }

## Pourquoi un flux est refusé
feed-signature-missing = il n'y a pas de signature à côté de l'index : un flux non signé est refusé
feed-signature-unreadable = n'est pas une signature minisign
feed-signature-bad = la signature ne correspond pas à index.json : l'index a été modifié après avoir été signé, ou abîmé en chemin
feed-signature-not-pinned = l'index est signé avec la clé { $signer }, qui n'est pas épinglée pour ce flux (épinglées : { $pinned }) ; si la section a une nouvelle clé, ajoutez-la avec `appeal feed add NOM SOURCE --key ANCIENNE --key NOUVELLE --force`
feed-expired = cet index a expiré le { $expires } : c'est peut-être une ancienne copie servie à nouveau ; demandez à la section de publier à nouveau
feed-replayed = cet index est la publication { $sequence }, plus ancienne que la publication { $installed } déjà installée : un ancien index servi à nouveau est refusé
feed-sha-mismatch = le SHA-256 du fichier est { $found }, mais l'index signé indique { $expected }
feed-too-large = le flux dépasse ses limites ({ $feed_mib } Mio en tout, { $action_mib } Mio pour une action et ses traductions)
feed-fetch-missing = introuvable
feed-fetch-too-large = plus grand que { $kib } Kio : refusé
feed-fetch-redirect = redirigé vers { $to } : un flux ne peut pas passer à un autre schéma (de https à http) ni quitter l'adresse locale
feed-fetch-outside = un lien vers un fichier hors du dossier du flux : refusé
feed-fetch-not-file = n'est pas un fichier ordinaire
feed-fetch-timeout = pas de réponse en { $seconds } secondes : arrêté (--timeout fixe la limite)
feed-fetch-status = le serveur a répondu HTTP { $code }
feed-fetch-tls = la connexion sécurisée a échoué : { $error } (un certificat de votre propre autorité est accepté grâce à SSL_CERT_FILE)

## index.json, champ par champ
feed-index-not-json-feed = `{ $version }` n'est pas une version de JSON Feed (https://jsonfeed.org/version/1.1)
feed-index-format-version = ce flux est dans la version { $found } du format d'appeal ; cet appeal lit la version { $known } : mettez appeal à jour
feed-index-not-time = pas une heure au format RFC 3339 (2026-12-01T00:00:00Z)
feed-index-not-date = pas une date comme 2026-12-01
feed-index-too-many = plus de { $max } actions : refusé
feed-index-not-sha256 = pas un SHA-256 en hexadécimal (64 caractères parmi 0-9 et a-f)
feed-index-twice = apparaît deux fois
feed-index-id-long = un identifiant de plus de { $max } caractères
feed-index-empty = est vide
feed-index-files-count = une action a son fichier, puis au plus { $max } fichiers en tout avec ses traductions
feed-index-file-name = les fichiers doivent être `{ $id }.yaml`, puis `{ $id }.LANG.yaml`, dans un seul dossier
feed-index-bad-path = `{ $path }` ne peut pas être un chemin dans un flux : il doit rester dans le dossier du flux (pas de `..`, rien d'absolu, ni `\`, ni `:`, ni partie commençant par `.`)

## Les flux dans list, compose et remind
feed-list-from = PROVENANCE
feed-list-closed = close
feed-from-file = fichier
feed-from-built-in = intégrée
feed-from-actions-dir = dossier --actions-dir
feed-from-imported = importée
feed-from-feed = flux { $feed }
# $date suit date-pattern.
feed-updated = le flux `{ $feed }` a été mis à jour pour la dernière fois le { $date } ({ $days ->
    [0] aujourd'hui
    [one] il y a 1 jour
   *[other] il y a { $days } jours
 })
# $said est feed-updated.
feed-stale = { $said } : lancez `appeal update { $feed }`
feed-not-fetched = le flux `{ $feed }` n'a pas encore été récupéré : lancez `appeal update { $feed }`
feed-id-taken = `{ $shown }` est l'action `{ $id }` du flux : une autre action a l'identifiant `{ $id }`, et le garde
feed-closed-warning = le flux `{ $feed }` a clos `{ $id }` : plus aucune lettre n'est demandée ; la lettre est écrite tout de même
feed-remind-closed = le flux `{ $feed }` a clos `{ $id }` : il ne reste rien à vous rappeler

## appeal feed keygen, appeal feed publish
feed-password = Mot de passe de la clé secrète
feed-password-again = Le même mot de passe encore une fois
feed-password-mismatch = Les mots de passe diffèrent.
feed-password-wrong = le mot de passe ne correspond pas à cette clé
feed-password-empty = aucun mot de passe donné : tapez-en un, ou utilisez --no-password pour une clé sans mot de passe
feed-doing-password = lecture du mot de passe
feed-doing-keygen = création d'une paire de clés
feed-doing-sign = signature d'index.json
feed-keygen-wrote = { $folder }/minisign.pub (à donner aux membres) et { $folder }/minisign.key (à garder pour vous) écrits : clé { $id }
feed-secret-not-key = n'est pas une clé secrète minisign
feed-bad-expiry = `{ $value }` n'est pas une durée comme 30d, 12h ou 2w
feed-publish-not-folder = n'est pas un dossier de fichiers d'actions
feed-publish-empty = ne contient aucun fichier d'action (ID.yaml)
feed-publish-out-not-feed = contient des fichiers mais pas de flux (index.json) ; utilisez --force pour le remplacer
feed-publish-stopped = { $errors ->
    [one] 1 erreur
   *[other] { $errors } erreurs
 } : rien n'a été publié
feed-published = { $count ->
    [one] 1 action publiée
   *[other] { $count } actions publiées
 } ({ $closed } closes) dans { $out } : publication { $sequence }, signée avec la clé { $id }, valable jusqu'au { $expires }
