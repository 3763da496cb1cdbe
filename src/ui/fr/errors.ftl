# Les messages d'erreur d'appeal en français. Suit en/errors.ftl, clé par clé.
# Les chemins, les noms de champ, les options, les clés YAML et le code entre
# accents graves sont ce que l'on tape : ils ne se traduisent pas.

## Ce qui a échoué, et où
error-field = { $path }: champ `{ $field }` : { $message }
error-unknown-action = action inconnue `{ $id }` ; les actions sont : { $actions } (voir `appeal list`)
error-unknown-action-suggest = action inconnue `{ $id }` (vouliez-vous dire `{ $suggestion }` ?) ; les actions sont : { $actions } (voir `appeal list`)
error-template = { $path }: { $at }, ligne { $line }, colonne { $column } : { $message }
error-delivery = { $reason } ; la lettre a été enregistrée dans { $saved }
error-delivery-unsaved = { $reason } ; la lettre n'a pas pu être enregistrée ailleurs non plus ({ $error })
error-delivery-unsaved-shown = { $reason } ; la lettre n'a pas pu être enregistrée ailleurs non plus ({ $error }) ; elle a été affichée sur la sortie standard à la place
error-rescued = { $count ->
    [one] { $reason } ; { $count } lettre a été enregistrée dans { $saved } à la place
   *[other] { $reason } ; { $count } lettres ont été enregistrées dans { $saved } à la place
}
error-stopped = { $count ->
    [one] { $reason } ; { $count } lettre a été écrite avant l'arrêt
   *[other] { $reason } ; { $count } lettres ont été écrites avant l'arrêt
}
error-interrupted = annulé
error-rows-failed = { $count ->
    [one] { $count } ligne du lot n'a pas pu devenir une lettre (voir ci-dessus)
   *[other] { $count } lignes du lot n'ont pas pu devenir des lettres (voir ci-dessus)
}
error-check-failed = { $count ->
    [one] { $count } erreur trouvée
   *[other] { $count } erreurs trouvées
}
error-unreadable = { $count ->
    [one] un fichier d'action n'a pas pu être lu (indiqué plus haut) ; les autres ont été listés
   *[other] { $count } fichiers d'action n'ont pas pu être lus (indiqués plus haut) ; les autres ont été listés
}

## Lecture du YAML
yaml-missing-field = champ obligatoire manquant `{ $field }`
yaml-unknown-field = champ inconnu `{ $field }` ; attendu l'un de { $expected }
yaml-field = champ `{ $field }` : { $message }

## Fichiers d'action et de traduction
action-empty = ne doit pas être vide
action-translation-empty = ne doit pas être vide (omettez-le pour afficher celui de l'original)
action-address-empty = doit avoir au moins une ligne
action-unreachable = il faut un moyen de le joindre : une adresse postale, un courriel ou un fax
action-too-many-entries = contient plus de { $max } entrées
action-not-email = `{ $value }` n'est pas une adresse de courriel
action-not-phone = `{ $value }` n'est pas un numéro de téléphone
action-salutation-no-language = doit avoir au moins une langue
action-salutation-not-tag = n'est pas une étiquette de langue (par exemple `en` est attendu)
action-target-and-targets = `target:` (ligne { $target }) et `targets:` (ligne { $targets }) sont donnés tous les deux ; gardez-en un : `targets:` énumère tous les responsables
action-no-target = il faut au moins un responsable à qui écrire (ou un bloc `target:` pour un seul)
action-too-many-recipients = contient { $count } entrées ; { $max } au plus sont lues
action-accepted-not-tag = `{ $tag }` n'est pas une étiquette de langue (par exemple `pt` est attendu)
action-preferred-not-tag = `{ $tag }` n'est pas une étiquette de langue (par exemple `en` est attendu)
action-letter-not-tag = n'est pas une étiquette de langue (par exemple `en` ou `pt-BR` est attendu)
action-letter-twice = désigne la même langue qu'une autre lettre (`{ $tag }`) : une relecture verrait l'une et les lecteurs recevraient l'autre ; gardez-en une
action-no-letter = il faut au moins une lettre type (`letters.LANG`)
action-refused-char = contient { $what } ; ces caractères peuvent cacher du texte ou changer ce qu'affiche un terminal, ils sont donc refusés
action-refused-char-at = contient { $what } à la ligne { $line }, colonne { $column } du texte ; ces caractères peuvent cacher du texte ou changer ce qu'affiche un terminal, ils sont donc refusés
action-file-name-not-tag = `{ $tag }` dans le nom du fichier n'est pas une étiquette de langue (par exemple `es` ou `pt-BR` est attendu)
action-hidden-bidi = un contrôle invisible de texte bidirectionnel ({ $code }) ; ces caractères peuvent cacher ou réordonner du texte, ils sont donc refusés
action-number-in-quotes = ceci est lu comme un nombre : écrivez-le entre guillemets, comme dans "+52 55 1234 5678", pour qu'aucun 0 ou + initial ne soit perdu
action-more-than-entries = plus de { $max } entrées
action-language-twice = la langue `{ $tag }` est donnée deux fois
action-not-a-date = `{ $text }` n'est pas une date ; écrivez-la sous la forme AAAA-MM-JJ, par exemple 2025-07-01
action-bad-date-format = `{ $format }` ne peut pas écrire une date : il contient un indicateur `%` que strftime ne connaît pas ou qui demande une heure (écrivez `%%` pour un signe `%`)

## Recherche et lecture des fichiers d'action
library-too-many = l'action `{ $id }` et ses traductions dépassent la limite de { $files } fichiers ou { $mib } Mio au total ; appeal refuse d'en lire davantage
library-folder-capped = { $folder } contient plus de { $max } fichiers : seuls les { $max } premiers sont lus
library-not-yaml = n'est pas un fichier d'action (un nom se terminant par .yaml est attendu)
library-is-folder = est un dossier, pas un fichier d'action
library-no-file = fichier introuvable
library-bad-id = son nom ne peut pas servir d'identifiant d'action (`{ $id }`) : un identifiant ne contient ni espace, ni point, ni caractère de contrôle ou invisible
library-no-action = est une traduction, mais son action `{ $file }` n'est pas à côté dans { $folder }
library-too-large = dépasse { $max } Kio ; appeal refuse les fichiers plus gros
library-not-utf8 = n'est pas du texte UTF-8 (octet invalide à la position { $offset })

## Caractères refusés dans les textes venus d'ailleurs
text-control = un caractère de contrôle ({ $code })
text-line-break = un saut de ligne ({ $code }) dans un champ d’une ligne
text-bidi = un contrôle invisible de texte bidirectionnel ({ $code })
text-tag = un caractère d'étiquette invisible ({ $code })
text-separator = un séparateur de ligne ({ $code })
text-invisible = un caractère invisible ({ $code })
text-refused = contient { $what } à la ligne { $line }, colonne { $column } ; ces caractères peuvent cacher ou réordonner du texte, ils sont donc refusés

## Lettres types et leurs modèles
template-too-long = la lettre dépasserait { $max } Kio ; un modèle ne peut pas écrire davantage
template-too-big = fait { $size } Kio ; une lettre type ne peut pas dépasser { $max } Kio
template-block-too-big = contient un bloc de { $size } Kio ; un bloc d'une lettre ne peut pas dépasser { $max } Kio
template-too-deep = imbrique des blocs ou des parenthèses sur plus de { $max } niveaux ; une lettre en demande bien moins
template-inline-partial = un partiel en ligne ou un décorateur (`{ $code }`) n'a pas sa place dans une lettre
template-partial = un partiel (`{ $code }`) n'a pas sa place dans une lettre
template-whitespace-control = le contrôle des espaces (`{ $code }`) n'a pas sa place dans une lettre
template-raw-block = un bloc brut (`{ $code }`) n'a pas sa place dans une lettre
template-element = cet élément de modèle n'a pas sa place dans une lettre
template-calls-helper = `{ $tag }` appelle une fonction d'aide ; une lettre n'utilise que des variables, `if`, `unless` et `each`
template-helper-not-variable = `{ $name }` est une fonction d'aide, pas une variable
template-unknown-block = `{ $tag }` : les blocs d'une lettre sont `if`, `unless` et `each`, pas `{ $name }`
template-one-variable = `{ $tag }` prend une variable
template-one-variable-only = `{ $tag }` prend une variable, rien de plus
template-each-lists = `{ $tag }` : `each` parcourt l'une des listes de la lettre : { $lists }
template-each-depth = `{ $tag }` : `each` s'imbrique sur { $max } niveaux au plus
template-unknown-variable = variable inconnue `{ $name }` (voir les variables dans actions/README.md)
template-syntax = syntaxe de modèle invalide : un bloc `{ $block }` non fermé, ou un `{ $open }` ou `{ $close }` isolé ?
template-no-language = l'action `{ $id }` n'a pas de lettre en `{ $lang }` ; disponibles : { $available }
template-no-target = { $count ->
    [one] l'action `{ $id }` a { $count } destinataire ; il n'y a pas de destinataire { $target }
   *[other] l'action `{ $id }` a { $count } destinataires ; il n'y a pas de destinataire { $target }
}

## Où va une lettre
delivery-stdout-failed = l'écriture sur la sortie standard a échoué : { $error }
delivery-exists = { $path } existe déjà ; il n'a pas été remplacé (utilisez --force pour le remplacer)
delivery-not-written = { $path } n'a pas pu être écrit : { $error }
delivery-is-folder = est un dossier ; donnez un nom de fichier
delivery-cannot-write-in = impossible d'écrire dans { $folder } : { $error }
delivery-no-rescue-folder = aucun dossier de secours
delivery-not-private = { $folder } n'est pas un dossier privé de cet utilisateur (un lien, le dossier d'un autre utilisateur, ou un dossier ouvert aux autres)
delivery-too-many-unsent = trop de lettres non envoyées portent le même nom
delivery-out-dir-is-file = est un fichier, pas un dossier (--out-dir attend un dossier)
delivery-folder-not-made = le dossier { $folder } n'a pas pu être créé : { $error }
delivery-not-kept = { $reason } ; elle n'a pas pu être conservée non plus ({ $error })
delivery-not-kept-in = { $reason } ; elle n'a pas pu être conservée non plus dans { $folder } : { $error }
delivery-clipboard-no-display = pas de presse-papiers : ni DISPLAY ni WAYLAND_DISPLAY n'est défini
delivery-clipboard-not-opened = le presse-papiers n'a pas pu être ouvert : { $error }
delivery-clipboard-helper = l'auxiliaire du presse-papiers n'a pas pu démarrer : { $error }
delivery-clipboard-refused = le presse-papiers a refusé la lettre : { $error }
delivery-clipboard-timeout = le presse-papiers n'a pas pris la lettre en { $seconds } secondes

## La forme d'une lettre
form-long-link = le lien mailto fait { $length } caractères ; beaucoup de messageries coupent les liens au-delà d'environ { $safe } : utilisez plutôt --clipboard ou -o letter.eml
form-making-eml = création du brouillon de courriel
form-making-pdf = création du PDF
form-page-size = le format de page { $width }×{ $height } pt n'est pas valide
form-font-unreadable = la police intégrée DejaVu Sans n'a pas pu être lue
form-font = une police n'a pas pu être incorporée : { $reason }
form-pdf-failed = le PDF n'a pas pu être écrit : { $error }

## Fichiers de lot, ligne par ligne
batch-row-header = la ligne d'en-tête n'a pas pu être lue : { $error }
batch-row-too-many-columns = a { $count } colonnes ; un fichier de lot peut en avoir { $max } au plus
batch-row-no-name-column = n'a pas de colonne `name` ; sa ligne d'en-tête est : { $header }
batch-row-unreadable = n'a pas pu être lue : { $error }
batch-row-missing = n'a pas de `{ $field }`
batch-row-unequal = { $count ->
    [one] a { $count } champ, mais l'en-tête en a { $columns } (une virgule en trop ou un guillemet non fermé ?)
   *[other] a { $count } champs, mais l'en-tête en a { $columns } (une virgule en trop ou un guillemet non fermé ?)
}
batch-row-not-utf8 = n'est pas du texte UTF-8
batch-row-not-json = n'est pas du JSON valide : { $error }
batch-row-not-object = n'est pas un objet JSON
batch-row-too-many-fields = a { $count } champs ; une ligne peut en avoir { $max } au plus
batch-row-not-text = le champ `{ $key }` doit être du texte, pas une liste ni un objet
batch-row-too-long = dépasse { $max } Kio ; une ligne est un signataire, et aucun signataire n'a besoin d'autant
batch-row-same-field = `{ $first }` et `{ $second }` sont le même champ (`{ $field }`) ; n'en gardez qu'un seul

## appeal compose : options qui ne vont pas ensemble
plan-batch-only = { $flag } va avec --batch FILE ; pour une seule lettre, utilisez -o FILE
plan-clipboard-text = --clipboard prend du texte ; écrivez le { $form } dans un fichier avec -o
plan-open-needs-file = --open demande un fichier (-o letter.eml) ou --mailto
plan-pdf-terminal = un PDF ne peut pas s'afficher dans un terminal : donnez un fichier, -o { $file }
plan-no-file-name = aucun nom de fichier n'a été donné
plan-batch-format = impossible de savoir le format de { $path } : nommez-le .csv ou .jsonl, ou passez --batch-format
plan-duplex = --duplex va avec un seul PDF de plusieurs lettres : -o letters.pdf
plan-jsonl-text = --jsonl donne les lettres en texte : retirez --format { $form }
sheaf-too-large = les lettres dépassent { $max } Mio, trop pour un seul fichier : écrivez-les sur la sortie standard, ou un fichier par lettre avec --out-dir DIR
plan-format-needs-folder = un fichier { $form } ne contient qu'une lettre : pour plusieurs, ajoutez --out-dir DIR
plan-open-batch = --open va avec une seule lettre, pas avec --batch

## appeal compose : une lettre
compose-remembered-ignored = { $error } ; les réglages mémorisés sont ignorés
compose-type-note = Tapez votre note, puis appuyez sur Ctrl-D sur une ligne seule.
compose-own-words = cette action vous demande d'écrire avec vos propres mots ; demandez aux autorités :
compose-no-such-target = { $count ->
    [one] --target { $given } : cette action a { $count } destinataire : { $targets } (ou `all`)
   *[other] --target { $given } : cette action a { $count } destinataires : { $targets } (ou `all`)
}
compose-kept-in = votre lettre a été conservée dans { $path }
compose-clipboard-one = le presse-papiers ne contient qu'une lettre : choisissez un destinataire avec --target N, ou écrivez un fichier par lettre avec --out-dir DIR
compose-open-failed = impossible de l'ouvrir avec le programme du bureau : { $error }
