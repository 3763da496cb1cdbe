# Lo que dicen las órdenes de appeal, en español. Sigue a en/commands.ftl, clave por clave.
