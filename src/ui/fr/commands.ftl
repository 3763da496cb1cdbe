# Ce que disent les commandes d'appeal, en français. Suit en/commands.ftl, clé par clé.

## Communs à plusieurs commandes
command-writing-stdout = écriture sur la sortie standard
command-writing = écriture de { $path }
command-not-a-language-tag = `{ $tag }` n'est pas une étiquette de langue (p. ex. `es`)
interrupt-cancelled = annulé
deadline-today-invalid = APPEAL_TODAY=`{ $value }` n'est pas une date comme 2026-11-28 : { $error }

## appeal list : les en-têtes des colonnes, et un titre affiché non traduit
list-id = ID
list-title = TITRE
list-deadline = DATE LIMITE
list-languages = LANGUES
list-last-written = DERNIÈRE LETTRE
list-not-translated = { $title } ({ $lang }, non traduit)
list-shadows = { $from } (à la place de l'intégrée)

## appeal history : les en-têtes des colonnes, puis les messages
history-date = DATE
history-action = ACTION
history-to = DESTINATAIRE
history-form = FORMAT
history-where = OÙ
# Un envoi par lot dans la colonne OÙ ; $output est un dossier, ou stdout.
history-batch = { $count ->
    [one] { $count } lettre
   *[other] { $count } lettres
 } de { $input } vers { $output }
history-empty = aucune lettre enregistrée pour l'instant
history-empty-at = aucune lettre enregistrée pour l'instant dans { $path }
history-no-record = il n'y a pas d'enregistrement { $number } dans l'historique (voir `appeal history`)
history-no-letter-batch = l'enregistrement { $number } n'a pas de lettre à afficher : un envoi par lot ne garde pas les lettres
history-no-letter-not-kept = l'enregistrement { $number } n'a pas de lettre à afficher : son texte n'a pas été gardé (`history: text: false` dans la configuration)
history-forget-both = --forget prend une action ou --all, pas les deux
history-forget-what = --forget a besoin d'une action (appeal history --forget cecot) ou de --all
history-nothing-to-forget = l'historique est vide : rien à oublier
history-forgot = { $count ->
    [one] { $count } enregistrement oublié
   *[other] { $count } enregistrements oubliés
}
history-forgot-action = { $count ->
    [one] { $count } enregistrement oublié
   *[other] { $count } enregistrements oubliés
 } pour `{ $action }`
# $date suit date-pattern ; $form est txt, eml, pdf ou mailto.
history-earlier = Vous avez déjà écrit à { $target } pour cette action le { $date } ({ $form })
history-earlier-batch = Vous avez déjà écrit à { $target } pour cette action le { $date } (un lot de { $count }, { $form })
history-not-recorded = { $error } ; la lettre a été remise mais pas enregistrée
history-batch-not-recorded = { $error } ; les lettres ont été remises mais le lot n'a pas été enregistré
# $column est list-last-written.
history-last-written-unknown = { $error } ; la colonne { $column } reste vide
history-no-data-folder = ce système n'a pas de dossier de données
history-open-failed = l'historique n'a pas pu être ouvert : { $error }
history-failed = l'historique n'a pas pu être lu ou écrit : { $error }
history-is-link = c'est un lien symbolique, que l'historique ne suit jamais : déplacez-le
history-not-a-file = ce n'est pas un fichier ordinaire (un tube ou un périphérique, peut-être) : déplacez-le

## appeal remind
remind-none-open = aucune action n'est ouverte : toutes les dates limites sont passées (voir `appeal list`)
remind-passed = la date limite de `{ $id }` était le { $date } : il n'y a plus rien à vous rappeler
remind-no-deadline = `{ $id }` n'a pas de date limite : il n'y a rien à vous rappeler
remind-wrote = { $path } écrit, avec { $count ->
    [one] { $count } rappel
   *[other] { $count } rappels
}
remind-skipped = { $error } ; action ignorée

## appeal new, man, completions, preview
new-wrote = { $path } écrit ; remplissez chaque [PLACEHOLDER] et chaque TODO, puis lancez `appeal check { $path }`
new-bad-id = `{ $id }` ne peut pas être un identifiant d'action : utilisez des minuscules, des chiffres, `-` et `_` (il devient le nom du fichier)
man-wrote = pages de manuel écrites dans { $path }
man-folder-failed = le dossier n'a pas pu être créé : { $error }
man-making = génération de la page de manuel
completions-making = génération du script de complétion
preview-watching = (surveillance des modifications ; Ctrl-C pour arrêter)
preview-watch-embedded = --watch a besoin d'un fichier d'action sur le disque ; `{ $id }` est intégrée à appeal (donnez un chemin, ou utilisez --actions-dir)
preview-fallback = note : il n'y a pas de lettre en `{ $requested }` ; affichage en `{ $chosen }`

## appeal import : ce qui a été lu, un fait par ligne
import-read = { $name } lu : { $layout }
# Les mises en page gardent les titres qu'emploient les documents, en anglais.
import-layout-current = la mise en page actuelle (URGENT ACTION, TAKE ACTION)
import-layout-labelled = le modèle à étiquettes de 2017 (URGENT ACTION TITLE:)
import-layout-older = l'ancienne mise en page (UA: N/YY Index: …, PLEASE WRITE IMMEDIATELY)
import-format-text = fichier texte
import-format-html = page web
import-format-docx = document Word
import-format-odt = texte OpenDocument
import-format-email = courriel enregistré
import-format-pdf = PDF
import-shape-letter = une lettre type avec les adresses où l'envoyer
import-shape-appeal = un appel sans lettre type (des adresses ou des points à demander)
import-no-action = ne contient aucune action urgente qu'appeal puisse lire : ni lettre type (d'une formule d'appel comme "Dear …" ou "Monsieur …" à une formule de politesse comme "Yours sincerely" ou "Veuillez agréer …"), ni responsable à qui écrire (un nom avec une adresse, un courriel ou un fax), ni points à demander (des puces après "Please write immediately")
import-json-and-stdout = --json écrit le compte rendu de l'import sur la sortie standard : donnez -o CHEMIN pour le fichier d'action, pas -o -
import-id-taken = l'identifiant `{ $id }` est déjà l'action de { $existing } ; écrire { $path } la masquerait. Donnez un autre identifiant à l'import avec --id ID, ou --force pour la remplacer
import-left-out = { $count ->
    [one] 1 ligne laissée de côté ({ $reasons }) ; `--json` l'indique
   *[other] { $count } lignes laissées de côté ({ $reasons }) ; `--json` les indique une à une
}
import-faxes = { $count ->
    [one] 1 fax
   *[other] { $count } fax
}
import-hidden-email = la page masquait les adresses électroniques de { $name } ("[email protected]") : relevez-les sur la page dans un navigateur
import-other-archive = est une archive zip, mais ni un texte Word (.docx) ni un texte OpenDocument (.odt)
import-damaged = illisible en tant que { $format } : { $error }
import-swells = a une partie qui se décompresse au-delà de { $mib } Mio ({ $format }) ; appeal le refuse
import-too-much-text = donne plus de { $mib } Mio de texte ; appeal le refuse
import-too-deep = est une page dont les éléments s'imbriquent sur plus de { $max } niveaux ; appeal la refuse
import-unsafe = n'a pas pu être lu sans risque en tant que { $format } ({ $why }) ; rien n'a été écrit
import-unsafe-time = son lecteur a pris plus de { $seconds } secondes
import-unsafe-memory = son lecteur a demandé plus de { $mib } Mio de mémoire
import-unsafe-crash = son lecteur a planté
import-unsafe-start = le lecteur n'a pas pu être lancé
import-no-reader = { $reader }, qui lit les fichiers de type { $format }, n'est pas installé à côté d'appeal : { $path } est introuvable (`cargo install` met les deux programmes dans le même dossier)
import-title = titre : { $title }
import-reference = référence : { $reference }
import-issued = publiée : { $date }
import-deadline = date limite : { $date }
import-deadline-text = date limite (pas une date) : { $text }
import-languages = langues : { $languages }
import-languages-own = langues : { $languages }, ou sa propre langue
# $details : import-emails, puis import-salutation ou import-salutation-in, séparés par des virgules.
import-target = destinataire : { $name } ({ $details })
import-copy = copie à : { $name } ({ $details })
import-no-name = sans nom
import-emails = { $count ->
    [0] aucun courriel
    [one] { $count } courriel
   *[other] { $count } courriels
}
import-salutation = formule d'appel
import-salutation-in = formule d'appel en { $languages }
# Deux étiquettes de langue d'une formule d'appel : « en et es ».
import-and = { $first } et { $second }
import-letter = lettre type ({ $lang }) : { $count ->
    [one] { $count } paragraphe
   *[other] { $count } paragraphes
}
import-points = { $count ->
    [one] { $count } point à demander
   *[other] { $count } points à demander
}
import-points-only = { $count ->
    [one] { $count } point à demander
   *[other] { $count } points à demander
 }, pas de lettre type
import-background = contexte : { $count ->
    [one] { $count } paragraphe
   *[other] { $count } paragraphes
}
import-people = personnes : { $people }
import-previous = action précédente : { $reference }
import-cut-short = le document s'arrête au milieu d'une phrase (« …{ $end } ») : il a peut-être été tronqué, et ce qui lui manque se trouve peut-être dans le document complet

## appeal import : ce qui a été écrit, et les documents illisibles
import-wrote = { $path } écrit (action `{ $id }`)
import-errors = { $errors ->
    [one] { $errors } erreur
   *[other] { $errors } erreurs
 } à corriger ({ $placeholders ->
    [one] { $placeholders } espace réservé
   *[other] { $placeholders } espaces réservés
 } à remplir) ; puis lancez `appeal check { $path }`
import-ready = l'action est prête : `appeal show { $id }`, `appeal compose { $id }`
import-not-yaml = { $path } : le nom d'un fichier d'action se termine par .yaml
import-no-data-folder = aucun dossier de données n'est connu pour les actions importées ; donnez -o PATH
import-folder-failed = { $path } : impossible de créer le dossier : { $error }
import-is-folder = est un dossier, pas un document
import-too-large = dépasse { $size } Kio ; appeal refuse les documents plus gros
import-not-text = n'est ni un PDF ni du texte UTF-8 (octet invalide à la position { $offset })
import-binary = est un fichier binaire, pas un document
import-empty = est vide
import-no-text-layer = n'a pas de couche de texte à lire (un PDF numérisé doit d'abord passer par l'OCR)
import-pdf-too-many-pages = a { $pages } pages ; appeal lit des documents de { $max } pages au plus
import-pdf-encrypted = est un PDF chiffré ; enregistrez-en une copie non protégée (ou son texte) et importez-la

## compose avec --batch
batch-written = { $count ->
    [one] { $count } lettre écrite
   *[other] { $count } lettres écrites
}
batch-written-to = { $count ->
    [one] { $count } lettre écrite
   *[other] { $count } lettres écrites
 } dans { $path }
batch-rescued = { $count ->
    [one] { $count } gardée dans le dossier de secours
   *[other] { $count } gardées dans le dossier de secours
}
batch-failed = { $count ->
    [one] { $count } ligne en échec
   *[other] { $count } lignes en échec
}
batch-fell-back = { $count } en `{ $lang }` faute de lettre dans la langue demandée
batch-row = ligne { $number } : { $message }
batch-stdout-failed = l'écriture sur la sortie standard a échoué : { $error }
batch-starting-pdf = démarrage du PDF
batch-making-pdf = génération du PDF
# Le message de la barre de progression, et ses durées ($elapsed et $eta sont remplis au fil de l'avancement).
batch-progress = { $count ->
    [one] { $count } lettre
   *[other] { $count } lettres
}
batch-progress-time = { $elapsed }, encore { $eta }
