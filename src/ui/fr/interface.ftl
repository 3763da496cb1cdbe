# L'interface d'appeal en français. Suit en/interface.ftl, clé par clé.

## Tous les messages
talk-warning = avertissement :

## Dates et échéances
date-pattern = {"{"}day:1er{"}"} %B %Y
deadline-left = { $days ->
    [0] dernier jour
    [one] 1 jour restant
   *[other] { $days } jours restants
}
deadline-passed = { $days ->
    [one] passée hier
   *[other] passée depuis { $days } jours
}
deadline-none = pas de date limite
deadline-was = la date limite de cette action était le { $date }. { $advice }

## appeal show
show-write-to = Écrire à :
show-target = Destinataire { $number } :
show-copy-to = Copie à :
show-copies = Copies :
show-email = Courriel :
show-fax = Fax :
show-phone = Téléphone :
show-deadline = Date limite :
show-language = Langue :
show-languages = { $preferred } de préférence ; lettres types en { $languages }
show-languages-no-letter = { $preferred } de préférence, sans lettre type dans cette langue : écrivez-y si vous le pouvez ; lettres types en { $languages }
show-languages-unstated = aucune langue de préférence indiquée ; lettres types en { $languages }
show-also-accepted = Aussi acceptées : { $languages }.
show-own-language = Vous pouvez aussi écrire dans votre propre langue.
show-for = Pour :
show-follows = Fait suite à :
show-subject = Objet :
show-no-letter = (pas de lettre en { $requested } : affichage en { $chosen })
show-shown-in = Affiché en :
show-except = { $chosen }, sauf { $fields } : en { $source }, pas encore traduit
show-summary = Résumé
show-points = Ce qu'il faut demander
show-background = Contexte
show-not-translated = { $heading } (en { $source } : pas encore traduit)

## appeal compose
compose-fallback = note : il n'y a pas de lettre type en `{ $requested }` ; la lettre est en `{ $chosen }`
compose-preferred-no-letter = note : le destinataire préfère { $preferred } et cette action n'a pas de lettre type dans cette langue, donc la lettre est en { $chosen } ; si vous pouvez écrire en { $preferred }, avec vos propres mots, faites-le (--lang pour choisir)
compose-own-words-welcome = vous pouvez écrire dans votre propre langue, avec vos propres mots
compose-several-targets = note : cette action a { $count } destinataires ; cette lettre est pour le premier, { $name } (--target N pour un autre, --target all pour une lettre à chacun)
compose-saved-eml = Brouillon de courriel enregistré dans { $path } : ouvrez-le dans votre messagerie et cliquez sur Envoyer.
compose-saved-pdf = Lettre à imprimer enregistrée dans { $path }.
compose-saved = Lettre enregistrée dans { $path }.
compose-copied = Lettre copiée dans le presse-papiers.
compose-send-to = Envoyez-la à { $emails } avec l'objet : { $subject }
compose-wrote = { $path } écrit
