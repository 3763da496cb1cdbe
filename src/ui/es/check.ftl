# Lo que informa `appeal check` sobre los archivos de acciones y de mensajes, en español. Sigue a en/check.ftl, clave por clave.
