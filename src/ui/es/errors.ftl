# Los mensajes de error de appeal en español. Sigue a en/errors.ftl, clave por clave.
# Las rutas, los nombres de campo, las opciones, las claves YAML y el código
# entre comillas invertidas son lo que se escribe: no se traducen.

## Qué falló, y dónde
error-field = { $path }: campo `{ $field }`: { $message }
error-unknown-action = acción desconocida `{ $id }`; las acciones son: { $actions } (vea `appeal list`)
error-unknown-action-suggest = acción desconocida `{ $id }` (¿quiso decir `{ $suggestion }`?); las acciones son: { $actions } (vea `appeal list`)
error-template = { $path }: { $at }, línea { $line }, columna { $column }: { $message }
error-delivery = { $reason }; la carta se guardó en { $saved }
error-delivery-unsaved = { $reason }; tampoco se pudo guardar la carta en ningún sitio ({ $error })
error-delivery-unsaved-shown = { $reason }; tampoco se pudo guardar la carta en ningún sitio ({ $error }); se mostró en la salida estándar
error-rescued = { $count ->
    [one] { $reason }; { $count } carta se guardó en { $saved } en su lugar
   *[other] { $reason }; { $count } cartas se guardaron en { $saved } en su lugar
}
error-stopped = { $count ->
    [one] { $reason }; se escribió { $count } carta antes de que se detuviera
   *[other] { $reason }; se escribieron { $count } cartas antes de que se detuviera
}
error-interrupted = cancelado
error-rows-failed = { $count ->
    [one] { $count } fila del lote no se pudo convertir en carta (indicada arriba)
   *[other] { $count } filas del lote no se pudieron convertir en cartas (indicadas arriba)
}
error-check-failed = { $count ->
    [one] se encontró { $count } error
   *[other] se encontraron { $count } errores
}
error-unreadable = { $count ->
    [one] no se pudo leer un archivo de acción (indicado arriba); se listaron los demás
   *[other] no se pudieron leer { $count } archivos de acción (indicados arriba); se listaron los demás
}

## Lectura de YAML
yaml-missing-field = falta el campo obligatorio `{ $field }`
yaml-unknown-field = campo desconocido `{ $field }`; se esperaba uno de { $expected }
yaml-field = campo `{ $field }`: { $message }

## Archivos de acción y de traducción
action-empty = no debe estar vacío
action-translation-empty = no debe estar vacío (omítalo para mostrar el del original)
action-address-empty = necesita al menos una línea
action-unreachable = necesita un modo de llegar a ella: una dirección postal, un correo electrónico o un fax
action-too-many-entries = tiene más de { $max } entradas
action-not-email = `{ $value }` no es una dirección de correo electrónico
action-not-phone = `{ $value }` no es un número de teléfono
action-salutation-no-language = necesita al menos un idioma
action-salutation-not-tag = no es una etiqueta de idioma (se esperaba, p. ej., `en`)
action-target-and-targets = se dan a la vez `target:` (línea { $target }) y `targets:` (línea { $targets }); conserve uno: `targets:` enumera todas las autoridades
action-no-target = necesita al menos una autoridad a la que escribir (o un bloque `target:` para una sola)
action-too-many-recipients = tiene { $count } entradas; se leen como máximo { $max }
action-accepted-not-tag = `{ $tag }` no es una etiqueta de idioma (se esperaba, p. ej., `pt`)
action-preferred-not-tag = `{ $tag }` no es una etiqueta de idioma (se esperaba, p. ej., `en`)
action-letter-not-tag = no es una etiqueta de idioma (se esperaba, p. ej., `en` o `pt-BR`)
action-letter-twice = designa el mismo idioma que otra carta (`{ $tag }`): quien revise vería una y los lectores recibirían la otra; conserve una
action-no-letter = necesita al menos una carta modelo (`letters.LANG`)
action-refused-char = contiene { $what }; estos caracteres pueden ocultar texto o cambiar lo que muestra un terminal, por eso se rechazan
action-refused-char-at = contiene { $what } en la línea { $line }, columna { $column } del texto; estos caracteres pueden ocultar texto o cambiar lo que muestra un terminal, por eso se rechazan
action-file-name-not-tag = `{ $tag }` en el nombre del archivo no es una etiqueta de idioma (se esperaba, p. ej., `es` o `pt-BR`)
action-hidden-bidi = un control invisible de texto bidireccional ({ $code }); estos caracteres pueden ocultar o reordenar el texto, por eso se rechazan
action-number-in-quotes = esto se lee como un número: escríbalo entre comillas, como en "+52 55 1234 5678", para que no se pierda ningún 0 o + inicial
action-more-than-entries = más de { $max } entradas
action-language-twice = el idioma `{ $tag }` aparece dos veces
action-not-a-date = `{ $text }` no es una fecha; escríbala como AAAA-MM-DD, p. ej., 2025-07-01
action-bad-date-format = `{ $format }` no puede escribir una fecha: tiene un especificador `%` que strftime no conoce o que necesita una hora (escriba `%%` para un signo `%`)

## Búsqueda y lectura de archivos de acción
library-too-many = la acción `{ $id }` y sus traducciones superan el límite de { $files } archivos o { $mib } MiB en total; appeal se niega a leer más
library-folder-capped = { $folder } contiene más de { $max } archivos: solo se leen los primeros { $max }
library-not-yaml = no es un archivo de acción (se esperaba un nombre terminado en .yaml)
library-is-folder = es una carpeta, no un archivo de acción
library-no-file = el archivo no existe
library-bad-id = su nombre no puede ser el id de una acción (`{ $id }`): un id no lleva espacios, puntos ni caracteres de control o invisibles
library-no-action = es una traducción, pero su acción `{ $file }` no está junto a ella en { $folder }
library-too-large = ocupa más de { $max } KiB; appeal rechaza los archivos de mayor tamaño
library-not-utf8 = no es texto UTF-8 (byte no válido en la posición { $offset })

## Caracteres rechazados en textos de fuera
text-control = un carácter de control ({ $code })
text-line-break = un salto de línea ({ $code }) en un campo de una sola línea
text-bidi = un control invisible de texto bidireccional ({ $code })
text-tag = un carácter de etiqueta invisible ({ $code })
text-separator = un separador de línea ({ $code })
text-invisible = un carácter invisible ({ $code })
text-refused = contiene { $what } en la línea { $line }, columna { $column }; estos caracteres pueden ocultar o reordenar el texto, por eso se rechazan

## Cartas modelo y sus plantillas
template-too-long = la carta superaría los { $max } KiB; una plantilla no puede escribir más
template-too-big = ocupa { $size } KiB; una carta modelo puede ocupar como máximo { $max } KiB
template-block-too-big = tiene un bloque de { $size } KiB; un bloque de una carta puede ocupar como máximo { $max } KiB
template-too-deep = anida bloques o paréntesis a más de { $max } niveles; una carta necesita muchos menos
template-inline-partial = un parcial en línea o decorador (`{ $code }`) no tiene cabida en una carta
template-partial = un parcial (`{ $code }`) no tiene cabida en una carta
template-whitespace-control = el control de espacios (`{ $code }`) no tiene cabida en una carta
template-raw-block = un bloque literal (`{ $code }`) no tiene cabida en una carta
template-element = este elemento de plantilla no tiene cabida en una carta
template-calls-helper = `{ $tag }` llama a una función auxiliar; una carta solo usa variables, `if`, `unless` y `each`
template-helper-not-variable = `{ $name }` es una función auxiliar, no una variable
template-unknown-block = `{ $tag }`: los bloques de una carta son `if`, `unless` y `each`, no `{ $name }`
template-one-variable = `{ $tag }` recibe una variable
template-one-variable-only = `{ $tag }` recibe una variable y nada más
template-each-lists = `{ $tag }`: `each` recorre una de las listas de la carta: { $lists }
template-each-depth = `{ $tag }`: `each` se anida como máximo a { $max } niveles
template-unknown-variable = variable desconocida `{ $name }` (vea las variables en actions/README.md)
template-syntax = sintaxis de plantilla no válida: ¿un bloque `{ $block }` sin cerrar, o un `{ $open }` o `{ $close }` sueltos?
template-no-language = la acción `{ $id }` no tiene carta en `{ $lang }`; disponibles: { $available }
template-no-target = { $count ->
    [one] la acción `{ $id }` tiene { $count } destinatario; no hay destinatario { $target }
   *[other] la acción `{ $id }` tiene { $count } destinatarios; no hay destinatario { $target }
}

## Adónde va una carta
delivery-stdout-failed = falló la escritura en la salida estándar: { $error }
delivery-exists = { $path } ya existe; no se sobrescribió (use --force para reemplazarlo)
delivery-not-written = no se pudo escribir { $path }: { $error }
delivery-is-folder = es una carpeta; indique un nombre de archivo
delivery-cannot-write-in = no se puede escribir en { $folder }: { $error }
delivery-no-rescue-folder = no hay carpeta de respaldo
delivery-not-private = { $folder } no es una carpeta privada de este usuario (es un enlace, es de otro usuario o está abierta a otros)
delivery-too-many-unsent = demasiadas cartas sin enviar con el mismo nombre
delivery-out-dir-is-file = es un archivo, no una carpeta (--out-dir espera una carpeta)
delivery-folder-not-made = no se pudo crear la carpeta { $folder }: { $error }
delivery-not-kept = { $reason }; tampoco se pudo guardar ({ $error })
delivery-not-kept-in = { $reason }; tampoco se pudo guardar en { $folder }: { $error }
delivery-clipboard-no-display = no hay portapapeles: no está definida ni DISPLAY ni WAYLAND_DISPLAY
delivery-clipboard-not-opened = no se pudo abrir el portapapeles: { $error }
delivery-clipboard-helper = no se pudo iniciar el auxiliar del portapapeles: { $error }
delivery-clipboard-refused = el portapapeles rechazó la carta: { $error }
delivery-clipboard-timeout = el portapapeles no recibió la carta en { $seconds } segundos

## La forma de una carta
form-long-link = el enlace mailto tiene { $length } caracteres; muchos programas de correo cortan los enlaces a partir de unos { $safe }: use --clipboard o -o letter.eml en su lugar
form-making-eml = al crear el borrador de correo
form-making-pdf = al crear el PDF
form-page-size = el tamaño de página { $width }×{ $height } pt no es válido
form-font-unreadable = no se pudo leer la fuente incorporada DejaVu Sans
form-font = no se pudo incrustar una fuente: { $reason }
form-pdf-failed = no se pudo escribir el PDF: { $error }

## Archivos de lote, fila por fila
batch-row-header = no se pudo leer la fila de encabezado: { $error }
batch-row-too-many-columns = tiene { $count } columnas; un archivo de lote puede tener como máximo { $max }
batch-row-no-name-column = no tiene columna `name`; su fila de encabezado es: { $header }
batch-row-unreadable = no se pudo leer: { $error }
batch-row-missing = no tiene `{ $field }`
batch-row-unequal = { $count ->
    [one] tiene { $count } campo, pero el encabezado tiene { $columns } (¿una coma de más o unas comillas sin cerrar?)
   *[other] tiene { $count } campos, pero el encabezado tiene { $columns } (¿una coma de más o unas comillas sin cerrar?)
}
batch-row-not-utf8 = no es texto UTF-8
batch-row-not-json = no es JSON válido: { $error }
batch-row-not-object = no es un objeto JSON
batch-row-too-many-fields = tiene { $count } campos; una fila puede tener como máximo { $max }
batch-row-not-text = el campo `{ $key }` debe ser texto, no una lista ni un objeto
batch-row-too-long = ocupa más de { $max } KiB; una fila es un firmante, y ningún firmante necesita tanto
batch-row-same-field = `{ $first }` y `{ $second }` son el mismo campo (`{ $field }`); deje solo uno de ellos

## appeal compose: opciones que no van juntas
plan-batch-only = { $flag } va con --batch FILE; para una sola carta use -o FILE
plan-clipboard-text = --clipboard admite texto; escriba el { $form } en un archivo con -o
plan-open-needs-file = --open necesita un archivo (-o letter.eml) o --mailto
plan-pdf-terminal = un PDF no se puede mostrar en un terminal: indique un archivo, -o { $file }
plan-no-file-name = no se indicó ningún nombre de archivo
plan-batch-format = no se reconoce el formato de { $path }: llámelo .csv o .jsonl, o use --batch-format
plan-duplex = --duplex va con un solo PDF de varias cartas: -o letters.pdf
plan-jsonl-text = --jsonl da las cartas como texto: quite --format { $form }
sheaf-too-large = las cartas ocupan más de { $max } MiB, demasiadas para un solo archivo: escríbalas en la salida estándar, o un archivo por carta con --out-dir DIR
plan-format-needs-folder = un archivo { $form } contiene una sola carta: para varias, añada --out-dir DIR
plan-open-batch = --open va con una sola carta, no con --batch

## appeal compose: una carta
compose-remembered-ignored = { $error }; se ignoran los ajustes recordados
compose-type-note = Escriba su nota y pulse Ctrl-D en una línea aparte.
compose-own-words = esta acción le pide que escriba con sus propias palabras; pida a las autoridades lo siguiente:
compose-no-such-target = { $count ->
    [one] --target { $given }: esta acción tiene { $count } destinatario: { $targets } (o `all`)
   *[other] --target { $given }: esta acción tiene { $count } destinatarios: { $targets } (o `all`)
}
compose-kept-in = su carta se guardó en { $path }
compose-clipboard-one = el portapapeles admite una sola carta: elija un destinatario con --target N, o escriba un archivo por carta con --out-dir DIR
compose-open-failed = no se pudo abrir con el programa del escritorio: { $error }
