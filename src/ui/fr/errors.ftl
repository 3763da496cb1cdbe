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
