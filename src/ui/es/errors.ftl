# Los mensajes de error de appeal en español. Sigue a en/errors.ftl, clave por clave.
