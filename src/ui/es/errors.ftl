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
