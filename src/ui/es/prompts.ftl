# Las preguntas y menús de appeal en español. Sigue a en/prompts.ftl, clave por clave.

## Las respuestas de quien escribe
ask-name = Su nombre (tal como va al pie de la carta)
ask-target = A quién escribir
ask-lang = Idioma de la carta
ask-note = Nota personal
ask-city = Su ciudad (opcional)
ask-country = Su país (opcional)

## El idioma de la carta
lang-preferred = { $language }, preferido por el destinatario
lang-preferred-no-letter = El destinatario prefiere { $language }, pero esta acción no tiene carta modelo en ese idioma: se ofrece primero el modelo en { $chosen }. Si puede escribir en { $language }, con sus propias palabras, hágalo.
lang-other = otro idioma…
lang-typed = Idioma, por nombre o código (por ejemplo Deutsch, de, pt-BR)

## Varios destinatarios
target-each = A cada uno, una carta por destinatario

## La nota personal
note-why = Unas palabras suyas dan peso a la carta: las cartas idénticas a menudo se filtran.
note-here = Escribir una nota breve aquí
note-editor = Escribir varios párrafos en mi editor
note-none = Sin nota personal
note-prompt = Su nota
note-edit-again = { $error }; edítela de nuevo, por favor
note-editor-unsaved = El editor se cerró sin guardar; no se añadió ninguna nota.

## Adónde va la carta
place-ask = ¿Adónde debe ir la carta?
place-print = Mostrarla aquí
place-text-file = Guardarla en un archivo de texto
place-clipboard = Copiarla al portapapeles
place-email-draft = Guardarla como borrador de correo (.eml) y abrirlo
place-pdf = Guardarla como PDF para imprimir
place-mail-link = Abrirla en mi programa de correo (enlace mailto:)
place-file-name = Nombre del archivo
place-replace = { $path } ya existe. ¿Reemplazarlo?
preview-more = … ({ $count ->
    [one] 1 línea más
   *[other] { $count } líneas más
}) …

## Recordar los datos de quien escribe
remember-ask = ¿Recordar su nombre, lugar e idioma para la próxima vez?
remember-ask-in = ¿Recordar su nombre, lugar e idioma para la próxima vez (en { $path })?
remember-done = Se guardaron en { $path }.
remember-failed = no se pudieron recordar sus datos: { $error }

## Responder
prompt-type-something = escriba algo, por favor
prompt-doing-editor = al abrir el editor
prompt-doing-terminal = al leer la terminal
# Indicaciones sencillas: una pregunta que se responde con una línea, con su valor por defecto.
prompt-line = { $question }:
prompt-line-default = { $question } [{ $default }]:
prompt-too-long = Esa línea es demasiado larga; escríbala de nuevo, por favor.
prompt-not-utf8 = Ese texto no era UTF-8; escríbalo de nuevo, por favor.
# Indicaciones sencillas: la línea que pide el número de una opción.
prompt-number = Escriba un número del 1 al { $count } [{ $default }]:
prompt-not-a-choice = «{ $typed }» no es una de las opciones: escriba un número del 1 al { $count }.
prompt-yes-no-default-yes = [S/n]:
prompt-yes-no-default-no = [s/N]:
# Palabras aceptadas como sí y como no, además de y/n, separadas por espacios.
prompt-yes-answers = s sí si
prompt-no-answers = no
prompt-yes-or-no = Responda s (sí) o n (no), por favor.
prompt-yes = sí
prompt-no = no

## Respuestas dadas sin pregunta
answer-from-config = los ajustes recordados
answer-missing = falta un valor para { $flag }: indíquelo con { $flag } (no hay terminal en la que preguntar)
answer-missing-or-env = falta un valor para { $flag }: indíquelo con { $flag } o defina { $env } (no hay terminal en la que preguntar)
answer-not-a-target = { $what }: `{ $value }` no es un destinatario; indique su número (1, 2, …, como los enumera `appeal show`) o `all`
answer-not-a-language = { $what }: `{ $value }` no es una etiqueta de idioma; use un código como en, es o pt-BR
answer-empty = { $what } no puede estar vacío
config-doing-remember = al recordar sus datos
config-no-folder = este sistema no tiene carpeta de configuración
