# La interfaz de appeal en español. Sigue a en/interface.ftl, clave por clave.

## Todos los mensajes
talk-warning = aviso:

## Fechas y plazos
date-pattern = %-d de %B de %Y
deadline-left = { $days ->
    [0] último día
    [one] queda 1 día
   *[other] quedan { $days } días
}
deadline-passed = { $days ->
    [one] venció ayer
   *[other] venció hace { $days } días
}
deadline-none = sin fecha límite
deadline-was = el plazo de esta acción fue el { $date }. { $advice }

## appeal show
show-write-to = Escriba a:
show-target = Destinatario { $number }:
show-copy-to = Copia a:
show-copies = Copias:
show-email = Correo:
show-fax = Fax:
show-phone = Teléfono:
show-deadline = Plazo:
show-language = Idioma:
show-languages = se prefiere { $preferred }; cartas modelo en { $languages }
show-languages-no-letter = se prefiere { $preferred }, sin carta modelo en ese idioma: escriba en él si puede; cartas modelo en { $languages }
show-languages-unstated = no se indica idioma preferido; cartas modelo en { $languages }
show-also-accepted = También se acepta: { $languages }.
show-own-language = También puede escribir en su propio idioma.
show-for = Por:
show-follows = Sigue a:
show-subject = Asunto:
show-no-letter = (no hay carta en { $requested }: se muestra { $chosen })
show-shown-in = Se muestra en:
show-except = { $chosen }, salvo { $fields }: en { $source }, aún sin traducir
show-summary = Resumen
show-points = Qué pedir
show-background = Información general
show-not-translated = { $heading } (en { $source }: aún sin traducir)

## appeal compose
compose-fallback = nota: no hay carta modelo en `{ $requested }`; la carta está en `{ $chosen }`
compose-preferred-no-letter = nota: el destinatario prefiere { $preferred } y esta acción no tiene carta modelo en ese idioma, así que la carta está en { $chosen }; si puede escribir en { $preferred }, con sus propias palabras, hágalo (--lang para elegir)
compose-own-words-welcome = se agradece que escriba en su propio idioma, con sus propias palabras
compose-several-targets = nota: esta acción tiene { $count } destinatarios; esta carta es para el primero, { $name } (--target N para otro, --target all para una carta a cada uno)
compose-saved-eml = Se guardó el borrador de correo en { $path }: ábralo en su programa de correo y pulse Enviar.
compose-saved-pdf = Se guardó la carta para imprimir en { $path }.
compose-saved = Se guardó la carta en { $path }.
compose-copied = Se copió la carta al portapapeles.
compose-send-to = Envíela a { $emails } con el asunto: { $subject }
compose-wrote = se escribió { $path }
