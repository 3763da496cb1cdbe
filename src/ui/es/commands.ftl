# Lo que dicen las órdenes de appeal, en español. Sigue a en/commands.ftl, clave por clave.

## Compartidos por varias órdenes
command-writing-stdout = al escribir en la salida estándar
command-writing = al escribir { $path }
command-not-a-language-tag = `{ $tag }` no es una etiqueta de idioma (p. ej. `es`)
interrupt-cancelled = cancelado
deadline-today-invalid = APPEAL_TODAY=`{ $value }` no es una fecha como 2026-11-28: { $error }

## appeal list: los encabezados de las columnas, y un título mostrado sin traducir
list-id = ID
list-title = TÍTULO
list-deadline = PLAZO
list-languages = IDIOMAS
list-last-written = ÚLTIMA CARTA
list-not-translated = { $title } ({ $lang }, sin traducir)
list-shadows = { $from } (en lugar de la incluida)

## appeal history: los encabezados de las columnas, y los mensajes
history-date = FECHA
history-action = ACCIÓN
history-to = DESTINATARIO
history-form = FORMATO
history-where = DÓNDE
# Un envío por lotes en la columna DÓNDE; $output es una carpeta, o stdout.
history-batch = { $count ->
    [one] { $count } carta
   *[other] { $count } cartas
 } de { $input } a { $output }
history-empty = todavía no hay cartas registradas
history-empty-at = todavía no hay cartas registradas en { $path }
history-no-record = no hay ningún registro { $number } en el historial (vea `appeal history`)
history-no-letter-batch = el registro { $number } no tiene ninguna carta que mostrar: un envío por lotes no guarda las cartas
history-no-letter-not-kept = el registro { $number } no tiene ninguna carta que mostrar: su texto no se guardó (`history: text: false` en la configuración)
history-forget-both = --forget acepta una acción o --all, no ambos
history-forget-what = --forget necesita una acción (appeal history --forget cecot) o --all
history-nothing-to-forget = el historial está vacío: no hay nada que olvidar
history-forgot = { $count ->
    [one] se olvidó { $count } registro
   *[other] se olvidaron { $count } registros
}
history-forgot-action = { $count ->
    [one] se olvidó { $count } registro
   *[other] se olvidaron { $count } registros
 } de `{ $action }`
# $date sigue date-pattern; $form es txt, eml, pdf o mailto.
history-earlier = Ya escribió a { $target } por esta acción el { $date } ({ $form })
history-earlier-batch = Ya escribió a { $target } por esta acción el { $date } (un lote de { $count }, { $form })
history-not-recorded = { $error }; la carta se entregó pero no se registró
history-batch-not-recorded = { $error }; las cartas se entregaron pero el lote no se registró
# $column es list-last-written.
history-last-written-unknown = { $error }; la columna { $column } queda vacía
history-no-data-folder = este sistema no tiene carpeta de datos
history-open-failed = no se pudo abrir el historial: { $error }
history-failed = no se pudo leer o escribir el historial: { $error }
history-is-link = es un enlace simbólico, y el historial nunca sigue enlaces: apártelo
history-not-a-file = no es un archivo normal (quizá una tubería o un dispositivo): apártelo

## appeal remind
remind-none-open = no hay ninguna acción abierta: todos los plazos vencieron (vea `appeal list`)
remind-passed = el plazo de `{ $id }` fue el { $date }: ya no queda nada que recordarle
remind-no-deadline = `{ $id }` no tiene fecha límite: no hay nada que recordarle
remind-wrote = se escribió { $path } con { $count ->
    [one] { $count } recordatorio
   *[other] { $count } recordatorios
}
remind-skipped = { $error }; se omitió esta acción

## appeal new, man, completions, preview
new-wrote = se escribió { $path }; rellene cada [PLACEHOLDER] y cada TODO, y luego ejecute `appeal check { $path }`
new-bad-id = `{ $id }` no puede ser el id de una acción: use minúsculas, cifras, `-` y `_` (se convierte en el nombre del archivo)
man-wrote = se escribieron las páginas del manual en { $path }
man-folder-failed = no se pudo crear la carpeta: { $error }
man-making = al generar la página del manual
completions-making = al generar el script de completado
preview-watching = (vigilando los cambios; Ctrl-C para terminar)
preview-watch-embedded = --watch necesita un archivo de acción en el disco; `{ $id }` viene incluida en appeal (indique una ruta, o use --actions-dir)
preview-fallback = nota: no hay carta en `{ $requested }`; se muestra `{ $chosen }`

## appeal import: lo que se leyó, un dato por línea
import-read = se leyó { $name }: { $layout }
# Los formatos conservan los encabezados que usan los documentos, en inglés.
import-layout-current = el formato actual (URGENT ACTION, TAKE ACTION)
import-layout-labelled = la plantilla con etiquetas de 2017 (URGENT ACTION TITLE:)
import-layout-older = el formato antiguo (UA: N/YY Index: …, PLEASE WRITE IMMEDIATELY)
import-format-text = archivo de texto
import-format-html = página web
import-format-docx = documento de Word
import-format-odt = texto OpenDocument
import-format-email = correo electrónico guardado
import-format-pdf = PDF
import-shape-letter = una carta modelo con las direcciones a las que va
import-shape-appeal = un llamamiento sin carta modelo (direcciones o puntos que pedir)
import-no-action = no contiene ninguna acción urgente que appeal pueda leer: ni carta modelo (de un saludo como "Dear …" o "Estimado …" a una despedida como "Yours sincerely" o "Atentamente"), ni autoridad a la que escribir (un nombre con dirección, correo electrónico o fax), ni puntos que pedir (viñetas tras "Please write immediately")
import-json-and-stdout = --json escribe en la salida estándar el informe de la importación: indique -o RUTA para el archivo de la acción, no -o -
import-id-taken = el identificador `{ $id }` ya es la acción de { $existing }; escribir { $path } la ocultaría. Dé otro identificador a la importación con --id ID, o use --force para sustituirla
import-left-out = { $count ->
    [one] 1 línea omitida ({ $reasons }); `--json` la indica
   *[other] { $count } líneas omitidas ({ $reasons }); `--json` las indica una a una
}
# Same as in English: Spanish writes «fax» and «faxes» too.
import-faxes = { $count ->
    [one] 1 fax
   *[other] { $count } faxes
}
import-hidden-email = la página ocultaba las direcciones de correo de { $name } ("[email protected]"): tómelas de la página en un navegador
import-other-archive = es un archivo zip, pero no es un texto de Word (.docx) ni de OpenDocument (.odt)
import-damaged = no se pudo leer como { $format }: { $error }
import-swells = tiene una parte que se descomprime en más de { $mib } MiB ({ $format }); appeal lo rechaza
import-too-much-text = da más de { $mib } MiB de texto; appeal lo rechaza
import-too-deep = es una página cuyos elementos se anidan a más de { $max } niveles; appeal la rechaza
import-unsafe = no se pudo leer con seguridad como { $format } ({ $why }); no se escribió nada
import-unsafe-time = su lector tardó más de { $seconds } segundos
import-unsafe-memory = su lector necesitó más de { $mib } MiB de memoria
import-unsafe-crash = su lector falló con él
import-unsafe-start = no se pudo iniciar el lector
import-no-reader = { $reader }, que lee los archivos de tipo { $format }, no está instalado junto a appeal: falta { $path } (`cargo install` pone los dos programas en la misma carpeta)
import-title = título: { $title }
import-reference = referencia: { $reference }
import-issued = emitida: { $date }
import-deadline = plazo: { $date }
import-deadline-text = plazo (no es una fecha): { $text }
import-languages = idiomas: { $languages }
import-languages-own = idiomas: { $languages }, o el idioma propio
# $details: import-emails, y luego import-salutation o import-salutation-in, separados por comas.
import-target = destinatario: { $name } ({ $details })
import-copy = copia a: { $name } ({ $details })
import-no-name = sin nombre
import-emails = { $count ->
    [0] sin correo electrónico
    [one] { $count } correo electrónico
   *[other] { $count } correos electrónicos
}
import-salutation = saludo
import-salutation-in = saludo en { $languages }
# Dos etiquetas de idioma de un saludo: "en y es".
import-and = { $first } y { $second }
import-letter = carta modelo ({ $lang }): { $count ->
    [one] { $count } párrafo
   *[other] { $count } párrafos
}
import-points = { $count ->
    [one] { $count } punto que pedir
   *[other] { $count } puntos que pedir
}
import-points-only = { $count ->
    [one] { $count } punto que pedir
   *[other] { $count } puntos que pedir
 }, sin carta modelo
import-background = contexto: { $count ->
    [one] { $count } párrafo
   *[other] { $count } párrafos
}
import-people = personas: { $people }
import-previous = acción anterior: { $reference }
import-cut-short = el documento termina a mitad de frase ("…{ $end }"): puede que esté cortado, así que lo que le falta puede estar en el documento completo

## appeal import: lo que se escribió, y los documentos que no puede leer
import-wrote = se escribió { $path } (acción `{ $id }`)
import-errors = { $errors ->
    [one] { $errors } error
   *[other] { $errors } errores
 } que corregir ({ $placeholders ->
    [one] { $placeholders } marcador
   *[other] { $placeholders } marcadores
 } por rellenar); después ejecute `appeal check { $path }`
import-ready = la acción está lista: `appeal show { $id }`, `appeal compose { $id }`
import-not-yaml = { $path }: el nombre de un archivo de acción termina en .yaml
import-no-data-folder = no se conoce ninguna carpeta de datos para las acciones importadas; indique -o PATH
import-folder-failed = { $path }: no se puede crear la carpeta: { $error }
import-is-folder = es una carpeta, no un documento
import-too-large = ocupa más de { $size } KiB; appeal rechaza los documentos más grandes
import-not-text = no es un PDF ni texto UTF-8 (byte no válido en la posición { $offset })
import-binary = es un archivo binario, no un documento
import-empty = está vacío
import-no-text-layer = no tiene una capa de texto que leer (un PDF escaneado necesita antes OCR)
import-pdf-too-many-pages = tiene { $pages } páginas; appeal lee documentos de { $max } páginas como máximo
import-pdf-encrypted = es un PDF cifrado; guarde una copia sin protección (o su texto) e importe esa copia

## compose con --batch
batch-written = { $count ->
    [one] { $count } carta escrita
   *[other] { $count } cartas escritas
}
batch-written-to = { $count ->
    [one] { $count } carta escrita
   *[other] { $count } cartas escritas
 } en { $path }
batch-rescued = { $count ->
    [one] { $count } guardada en la carpeta de rescate
   *[other] { $count } guardadas en la carpeta de rescate
}
batch-failed = { $count ->
    [one] { $count } fila falló
   *[other] { $count } filas fallaron
}
batch-fell-back = { $count } en `{ $lang }` por falta de una carta en el idioma pedido
batch-row = fila { $number }: { $message }
batch-stdout-failed = falló la escritura en la salida estándar: { $error }
batch-starting-pdf = al iniciar el PDF
batch-making-pdf = al generar el PDF
# El mensaje de la barra de progreso, y sus tiempos ($elapsed y $eta se rellenan mientras avanza).
batch-progress = { $count ->
    [one] { $count } carta
   *[other] { $count } cartas
}
batch-progress-time = { $elapsed }, quedan { $eta }
