# Lo que informa `appeal check` sobre los archivos de acciones y de mensajes, en español. Sigue a en/check.ftl, clave por clave.

## El resumen, en stderr
check-summary = { $actions ->
    [one] { $actions } acción revisada
   *[other] { $actions } acciones revisadas
 } en { $files ->
    [one] { $files } archivo
   *[other] { $files } archivos
 }: { $errors ->
    [one] { $errors } error
   *[other] { $errors } errores
 }, { $warnings ->
    [one] { $warnings } advertencia
   *[other] { $warnings } advertencias
}

## Lo que le queda por hacer al autor
check-field = campo `{ $field }`: { $message }
check-placeholder = `{ $marker }` es un marcador que falta rellenar
check-todo = queda un TODO: `{ $text }`
check-invisible = hay un carácter invisible ({ $code }) dentro de una palabra en alfabeto latino: un texto en alfabeto latino nunca lo necesita, y puede ocultar una palabra a las búsquedas
check-deadline-passed = el plazo { $date } ya venció

## Destinatarios
check-posted-only = `{ $at }` no tiene correo electrónico, fax ni teléfono: las cartas a { $name } solo pueden enviarse por correo postal
check-preferred-no-letter = el destinatario prefiere `{ $lang }` y no hay carta modelo en ese idioma: quien escribe recibe la de `{ $source }`; un traductor podría añadir `{ $file }` (asunto y cuerpo, como en los demás archivos de traducción)
check-no-salutation = `{ $at }` no tiene saludo, y la carta en `{ $lang }` usa `{"{{"}target.salutation{"}}"}`
check-salutation-unused = `{ $at }.salutation.{ $lang }`: no hay ninguna carta en `{ $lang }` que lo use
check-salutation-missing = `{ $at }.salutation` no tiene texto en `{ $lang }`: las cartas en { $lang } empiezan con `{ $salutation }`

## Cartas modelo
check-unknown-variable = { $at }: variable desconocida `{ $variable }` en `{ $tag }` (las variables están en actions/README.md)
check-unknown-variable-hint = { $at }: variable desconocida `{ $variable }` en `{ $tag }`; ¿quiso decir `{ $suggestion }`? (las variables están en actions/README.md)

## Traducciones, comparadas con el original ($source es su etiqueta de idioma)
check-text-untranslated = { $field }: igual que en el original ({ $source }): ¿falta traducirlo?
check-not-translated = sin traducir: { $fields }; `appeal show --lang { $lang }` los muestra en { $source }
check-background-paragraphs = background: { $count ->
    [one] { $count } párrafo
   *[other] { $count } párrafos
 }, pero el original ({ $source }) tiene { $expected }: traduzca cada párrafo como uno solo, separados por líneas en blanco
check-tag-missing = { $at }: `{ $tag }` está en la carta original ({ $source }) pero no en esta traducción
check-tag-extra = { $at }: `{ $tag }` no está en la carta original ({ $source })
check-letter-paragraphs = { $at }: { $count ->
    [one] { $count } párrafo
   *[other] { $count } párrafos
 }, pero la carta original ({ $source }) tiene { $expected }
check-paragraph-untranslated = { $at }: este párrafo es igual que en la carta original ({ $source }): ¿falta traducirlo?
check-subject-untranslated = subject: igual que en la carta original ({ $source }): ¿falta traducirlo?

## Los datos que una traducción debe conservar
check-facts-lost = { $place }: el original ({ $source }) dice { $facts }, y esta traducción no: conserve cada número, fecha, dirección de correo electrónico y enlace
check-paragraph = { $field }, párrafo { $number }
check-fact-number = el número { $number }
# Una fecha completa, escrita según date-pattern.
check-fact-date = la fecha { $date }
# Una fecha sin año; $day es un número y $month un nombre.
check-fact-day-month = la fecha { $day } de { $month }
check-fact-month-year = la fecha de { $month } de { $year }
check-fact-email = la dirección de correo electrónico { $address }
check-fact-url = la URL { $url }

## Los archivos de mensajes de la interfaz
check-ftl-not-fluent = no es un archivo Fluent: { $error }
check-ftl-missing = falta `{ $id }` (en inglés: `{ $english }`)
check-ftl-variables = `{ $id }` usa {"{"}{ $theirs }{"}"}, pero el inglés usa {"{"}{ $english }{"}"}
check-ftl-untranslated = `{ $id }` es igual que en inglés: ¿aún sin traducir?
check-ftl-reference = `{ $id }` usa { $references }: cada archivo de mensajes se lee por separado, así que un mensaje solo puede usar variables
check-ftl-too-deep = anida marcadores o llamadas a más de { $max } niveles; un mensaje necesita muchos menos
