# Lo que dice appeal de las fuentes firmadas de acciones (appeal feed, appeal update,
# y las fuentes en list, compose y remind), en español. Sigue a en/feeds.ftl, clave por clave.

## Las fuentes tal como se guardan
feed-bad-name = `{ $name }` no puede ser el nombre de una fuente: use letras minúsculas, cifras, `-` y `_`, { $max } como máximo
feed-exists = ya hay una fuente `{ $name }` (vea `appeal feed list`); use --force para reemplazarla
feed-unknown = no hay ninguna fuente `{ $name }`; las fuentes son: { $feeds }
feed-unknown-suggest = no hay ninguna fuente `{ $name }`; ¿quiso decir `{ $close }`? (vea `appeal feed list`)
feed-none = no hay ninguna fuente `{ $name }`: no se ha añadido ninguna (appeal feed add NOMBRE ORIGEN --key CLAVE)
feed-no-keys = no hay ninguna clave fijada: una fuente necesita al menos una
feed-no-folder = este sistema no tiene carpeta para los datos de appeal
feed-doing-save = al guardar la lista de fuentes
feed-doing-remove = al eliminar { $folder }
feed-left-out = { $error }; sus fuentes se dejan de lado
feed-folder-missing = { $folder } no está ahora; `appeal update` la leerá cuando esté (un disco o una memoria USB conectados)

## appeal feed add: orígenes y claves
feed-source-bad-url = no es una URL: { $error }
feed-source-query = la dirección de una fuente es su carpeta: no lleva `?` ni `#`
feed-source-credentials = la dirección de una fuente no lleva nombre de usuario ni contraseña: una fuente es pública, y lo que la protege es su firma
feed-source-http = http:// sin cifrar solo se acepta en la dirección local (loopback): en cualquier otra parte muestra a todos los que están en el camino qué fuente sigue usted, y les permite retener sus actualizaciones; use https://, o una carpeta
feed-source-bad-file-url = esta URL file:// no designa ninguna carpeta en este sistema
feed-source-scheme = `{ $scheme }:` no es un tipo de origen de fuente: use https://, file:// o una carpeta
feed-key-not-key = no es una clave pública de minisign (la línea que empieza por RW) ni un archivo que la contenga
feed-key-file-no-key = este archivo no contiene ninguna clave pública de minisign (la línea que empieza por RW)
feed-added = se añadió la fuente `{ $name }` ({ $source }), firmada con la clave { $keys }; ejecute `appeal update { $name }` para obtener sus acciones
feed-removed = se eliminó la fuente `{ $name }` y su copia de las acciones; el historial conserva sus cartas

## appeal feed list
feed-list-name = NOMBRE
feed-list-source = ORIGEN
feed-list-keys = CLAVES
feed-list-updated = ACTUALIZADA
feed-list-actions = ACCIONES
feed-never = nunca

## appeal update
feed-update-none = todavía no hay fuentes: añada una con `appeal feed add NOMBRE ORIGEN --key CLAVE`
feed-doing-update = al actualizar la fuente `{ $feed }`
feed-doing-fetch = fuente `{ $feed }`: al obtener { $what }
# Un archivo de una fuente, en los mensajes; $path es su URL o su ruta.
feed-file = fuente `{ $feed }`, { $path }
feed-update-unchanged = { $feed }: al día (publicación { $sequence })
feed-update-installed = { $feed }: publicación { $sequence } instalada
feed-update-installed-was = { $feed }: publicación { $sequence } instalada (antes { $previous })
feed-update-new = nueva: { $id }
feed-update-updated = actualizada: { $id }
feed-update-closed = cerrada: { $id } (ya no se piden cartas)
feed-update-removed = ya no está en la fuente: { $id }
# $date sigue a date-pattern.
feed-update-further = información complementaria: `{ $id }` sigue a `{ $earlier }`, por la que usted escribió el { $date }
feed-update-kept = la fuente `{ $feed }` no se actualizó: su copia del { $date } (publicación { $sequence }) se conserva tal como estaba
feed-update-nothing = la fuente `{ $feed }` no se actualizó: no se instaló nada
feed-update-failed = { $count ->
    [one] no se pudo actualizar 1 fuente
   *[other] no se pudieron actualizar { $count } fuentes
 }

## Por qué se rechaza una fuente
feed-signature-missing = no hay ninguna firma junto al índice: una fuente sin firmar se rechaza
feed-signature-unreadable = no es una firma de minisign
feed-signature-bad = la firma no corresponde a index.json: el índice se modificó después de firmarse, o se dañó por el camino
feed-signature-not-pinned = el índice está firmado con la clave { $signer }, que no está fijada para esta fuente (fijadas: { $pinned }); si la sección tiene una clave nueva, añádala con `appeal feed add NOMBRE ORIGEN --key ANTIGUA --key NUEVA --force`
feed-expired = este índice caducó el { $expires }: puede ser una copia antigua servida de nuevo; pida a la sección que vuelva a publicar
feed-replayed = este índice es la publicación { $sequence }, más antigua que la publicación { $installed } ya instalada: se rechaza un índice antiguo servido de nuevo
feed-sha-mismatch = el SHA-256 del archivo es { $found }, pero el índice firmado dice { $expected }
feed-too-large = la fuente supera sus límites ({ $feed_mib } MiB en total, { $action_mib } MiB para una acción y sus traducciones)
feed-fetch-missing = no se encontró
feed-fetch-too-large = mayor que { $kib } KiB: rechazado
feed-fetch-redirect = redirigido a { $to }: una fuente no puede pasar a otro esquema (de https a http) ni salir de la dirección local
feed-fetch-outside = un enlace a un archivo fuera de la carpeta de la fuente: rechazado
feed-fetch-not-file = no es un archivo normal
feed-fetch-timeout = sin respuesta en { $seconds } segundos: se detuvo (--timeout fija el límite)
feed-fetch-status = el servidor respondió HTTP { $code }
feed-fetch-tls = la conexión segura falló: { $error } (un certificado de su propia autoridad se acepta mediante SSL_CERT_FILE)

## index.json, campo por campo
feed-index-not-json-feed = `{ $version }` no es una versión de JSON Feed (https://jsonfeed.org/version/1.1)
feed-index-format-version = esta fuente está en la versión { $found } del formato de appeal; este appeal lee la versión { $known }: actualice appeal
feed-index-not-time = no es una hora en forma RFC 3339 (2026-12-01T00:00:00Z)
feed-index-not-date = no es una fecha como 2026-12-01
feed-index-too-many = más de { $max } acciones: rechazado
feed-index-not-sha256 = no es un SHA-256 en hexadecimal (64 caracteres de 0-9 y a-f)
feed-index-twice = aparece dos veces
feed-index-id-long = un identificador de más de { $max } caracteres
feed-index-empty = está vacío
feed-index-files-count = una acción tiene su archivo, y luego como máximo { $max } archivos en total con sus traducciones
feed-index-file-name = los archivos deben ser `{ $id }.yaml`, y luego `{ $id }.LANG.yaml`, en una sola carpeta
feed-index-bad-path = `{ $path }` no puede ser una ruta en una fuente: debe quedarse dentro de la carpeta de la fuente (sin `..`, nada absoluto, sin `\`, `:` ni partes que empiecen por `.`)

## Las fuentes en list, compose y remind
feed-list-from = PROCEDENCIA
feed-list-closed = cerrada
feed-from-file = archivo
feed-from-built-in = incluida
feed-from-actions-dir = carpeta --actions-dir
feed-from-imported = importada
feed-from-feed = fuente { $feed }
# $date sigue a date-pattern.
feed-updated = la fuente `{ $feed }` se actualizó por última vez el { $date } ({ $days ->
    [0] hoy
    [one] hace 1 día
   *[other] hace { $days } días
 })
# $said es feed-updated.
feed-stale = { $said }: ejecute `appeal update { $feed }`
feed-not-fetched = la fuente `{ $feed }` aún no se ha obtenido: ejecute `appeal update { $feed }`
feed-id-taken = `{ $shown }` es la acción `{ $id }` de la fuente: otra acción tiene el identificador `{ $id }` y lo conserva
feed-closed-warning = la fuente `{ $feed }` ha cerrado `{ $id }`: ya no se piden cartas; la carta se escribe de todos modos
feed-remind-closed = la fuente `{ $feed }` ha cerrado `{ $id }`: no queda nada que recordarle

## appeal feed keygen, appeal feed publish
feed-password = Contraseña de la clave secreta
feed-password-again = La misma contraseña otra vez
feed-password-mismatch = Las contraseñas no coinciden.
feed-password-wrong = la contraseña no es la de esta clave
feed-password-empty = no se dio ninguna contraseña: escriba una, o use --no-password para una clave sin contraseña
feed-doing-password = al leer la contraseña
feed-doing-keygen = al crear un par de claves
feed-doing-sign = al firmar index.json
feed-keygen-wrote = se escribieron { $folder }/minisign.pub (entréguela a los miembros) y { $folder }/minisign.key (guárdela para usted): clave { $id }
feed-secret-not-key = no es una clave secreta de minisign
feed-bad-expiry = `{ $value }` no es una duración como 30d, 12h o 2w
feed-publish-not-folder = no es una carpeta de archivos de acciones
feed-publish-empty = no contiene ningún archivo de acción (ID.yaml)
feed-publish-out-not-feed = contiene archivos pero ninguna fuente (index.json); use --force para reemplazarla
feed-publish-stopped = { $errors ->
    [one] 1 error
   *[other] { $errors } errores
 }: no se publicó nada
feed-published = { $count ->
    [one] se publicó 1 acción
   *[other] se publicaron { $count } acciones
 } ({ $closed } cerradas) en { $out }: publicación { $sequence }, firmada con la clave { $id }, válida hasta el { $expires }
