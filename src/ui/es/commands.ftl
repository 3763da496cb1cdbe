# Lo que dicen las órdenes de appeal, en español. Sigue a en/commands.ftl, clave por clave.

## Compartidos por varias órdenes
command-writing-stdout = al escribir en la salida estándar
command-writing = al escribir { $path }
command-exists = ya existe; no se sobrescribió (use --force para reemplazarlo)
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
list-library = biblioteca de acciones
list-load-failed = no se pudo cargar una acción (último error: { $error })

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
history-journal = el historial usa el diario `{ $mode }`: este sistema de archivos no tiene memoria compartida para WAL
history-not-recorded = { $error }; la carta se entregó pero no se registró
history-batch-not-recorded = { $error }; las cartas se entregaron pero el lote no se registró
# $column es list-last-written.
history-last-written-unknown = { $error }; la columna { $column } queda vacía
history-no-data-folder = este sistema no tiene carpeta de datos
history-open-failed = no se pudo abrir el historial: { $error }
history-failed = no se pudo leer o escribir el historial: { $error }

## appeal remind
remind-none-open = no hay ninguna acción abierta: todos los plazos vencieron (vea `appeal list`)
remind-passed = el plazo de `{ $id }` fue el { $date }: ya no queda nada que recordarle
remind-write-failed = no se pudo escribir el calendario: { $error }
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

## compose con --batch
batch-written = { $count ->
    [one] { $count } carta escrita
   *[other] { $count } cartas escritas
}
batch-written-to = { $count ->
    [one] { $count } carta escrita
   *[other] { $count } cartas escritas
 } en { $path }
batch-kept = { $count ->
    [one] { $count } ya existía y se conservó
   *[other] { $count } ya existían y se conservaron
 } (--force las vuelve a escribir)
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
