# Las preguntas y menús de appeal en español. Sigue a en/prompts.ftl, clave por clave.
