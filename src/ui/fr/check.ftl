# Ce que signale `appeal check` sur les fichiers d'action et de messages, en français. Suit en/check.ftl, clé par clé.

## Le résumé, sur stderr
check-summary = { $actions ->
    [one] { $actions } action vérifiée
   *[other] { $actions } actions vérifiées
 } dans { $files ->
    [one] { $files } fichier
   *[other] { $files } fichiers
 } : { $errors ->
    [one] { $errors } erreur
   *[other] { $errors } erreurs
 }, { $warnings ->
    [one] { $warnings } avertissement
   *[other] { $warnings } avertissements
}

## Ce qu'il reste à faire à l'auteur
check-field = champ `{ $field }` : { $message }
check-placeholder = `{ $marker }` est un espace réservé à remplir
check-todo = il reste un TODO : `{ $text }`
check-invisible = un caractère invisible ({ $code }) se trouve dans un mot en alphabet latin : un texte en alphabet latin n'en a jamais besoin, et il peut cacher un mot à une recherche
check-deadline-passed = la date limite du { $date } est passée

## Destinataires
check-posted-only = `{ $at }` n'a ni courriel, ni fax, ni téléphone : les lettres à { $name } ne peuvent être envoyées que par la poste
check-preferred-no-letter = le destinataire préfère `{ $lang }` et aucune lettre type n'est dans cette langue : on écrit avec celle en `{ $source }` ; un traducteur pourrait ajouter `{ $file }` (objet et corps, comme dans les autres fichiers de traduction)
check-no-salutation = `{ $at }` n'a pas de formule d'appel, et la lettre en `{ $lang }` utilise `{"{{"}target.salutation{"}}"}`
check-salutation-unused = `{ $at }.salutation.{ $lang }` : aucune lettre en `{ $lang }` ne l'utilise
check-salutation-missing = `{ $at }.salutation` n'a pas de texte en `{ $lang }` : les lettres en { $lang } commencent par `{ $salutation }`

## Lettres types
check-unknown-variable = { $at } : variable inconnue `{ $variable }` dans `{ $tag }` (les variables sont dans actions/README.md)
check-unknown-variable-hint = { $at } : variable inconnue `{ $variable }` dans `{ $tag }` ; vouliez-vous dire `{ $suggestion }` ? (les variables sont dans actions/README.md)

## Traductions, comparées à l'original ($source est son étiquette de langue)
check-text-untranslated = { $field } : identique à l'original ({ $source }) : pas encore traduit ?
check-not-translated = non traduits : { $fields } ; `appeal show --lang { $lang }` les affiche en { $source }
check-background-paragraphs = background : { $count ->
    [one] { $count } paragraphe
   *[other] { $count } paragraphes
 }, mais l'original ({ $source }) en a { $expected } : traduisez chaque paragraphe d'un seul tenant, séparés par des lignes vides
check-tag-missing = { $at } : `{ $tag }` est dans la lettre originale ({ $source }) mais pas dans cette traduction
check-tag-extra = { $at } : `{ $tag }` n'est pas dans la lettre originale ({ $source })
check-letter-paragraphs = { $at } : { $count ->
    [one] { $count } paragraphe
   *[other] { $count } paragraphes
 }, mais la lettre originale ({ $source }) en a { $expected }
check-paragraph-untranslated = { $at } : ce paragraphe est identique à celui de la lettre originale ({ $source }) : pas encore traduit ?
check-subject-untranslated = subject : identique à la lettre originale ({ $source }) : pas encore traduit ?

## Les faits qu'une traduction doit garder
check-facts-lost = { $place } : l'original ({ $source }) mentionne { $facts }, que cette traduction omet : gardez chaque nombre, date, adresse électronique et lien
check-paragraph = { $field }, paragraphe { $number }
check-fact-number = le nombre { $number }
# Une date complète, écrite selon date-pattern.
check-fact-date = la date du { $date }
# Une date sans année ; $day est un nombre, $month un nom.
check-fact-day-month = la date du { $day ->
    [1] 1er { $month }
   *[other] { $day } { $month }
}
check-fact-month-year = la date de { $month } { $year }
check-fact-email = l'adresse électronique { $address }
check-fact-url = l'URL { $url }

## Les fichiers de messages de l'interface
check-ftl-not-fluent = ce n'est pas un fichier Fluent : { $error }
check-ftl-missing = `{ $id }` manque (en anglais : `{ $english }`)
check-ftl-variables = `{ $id }` utilise {"{"}{ $theirs }{"}"}, mais l'anglais utilise {"{"}{ $english }{"}"}
check-ftl-untranslated = `{ $id }` est identique à l'anglais : pas encore traduit ?
check-ftl-reference = `{ $id }` utilise { $references } : chaque fichier de messages est lu à part, un message ne peut donc utiliser que des variables
check-ftl-too-deep = imbrique des expressions ou des appels sur plus de { $max } niveaux ; un message en demande bien moins
