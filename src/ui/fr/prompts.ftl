# Les questions et menus d'appeal en français. Suit en/prompts.ftl, clé par clé.

## Les réponses de la personne qui écrit
ask-name = Votre nom (tel qu'il figure sous la lettre)
ask-target = À qui écrire
ask-lang = Langue de la lettre
ask-note = Note personnelle
ask-city = Votre ville (facultatif)
ask-country = Votre pays (facultatif)

## La langue de la lettre
lang-preferred = { $language }, préférée par le destinataire
lang-preferred-no-letter = Le destinataire préfère { $language }, mais cette action n'a pas de lettre type dans cette langue : le modèle en { $chosen } est proposé en premier. Si vous pouvez écrire en { $language }, avec vos propres mots, faites-le.
lang-other = une autre langue…
lang-typed = Langue, par son nom ou son code (par exemple Deutsch, de, pt-BR)

## Plusieurs destinataires
target-each = Chacun d'eux, une lettre par destinataire

## La note personnelle
note-why = Quelques mots de votre main donnent du poids à une lettre : les lettres identiques sont souvent filtrées.
note-here = Écrire une courte note ici
note-editor = Écrire plusieurs paragraphes dans mon éditeur
note-none = Pas de note personnelle
note-prompt = Votre note
note-edit-again = { $error } ; veuillez la modifier à nouveau
note-editor-unsaved = L'éditeur s'est fermé sans enregistrer ; aucune note n'a été ajoutée.

## Où va la lettre
place-ask = Où la lettre doit-elle aller ?
place-print = L'afficher ici
place-text-file = L'enregistrer dans un fichier texte
place-clipboard = La copier dans le presse-papiers
place-email-draft = L'enregistrer comme brouillon de courriel (.eml) et l'ouvrir
place-pdf = L'enregistrer en PDF à imprimer
place-mail-link = L'ouvrir dans mon logiciel de messagerie (lien mailto:)
place-file-name = Nom du fichier
place-replace = { $path } existe déjà. Le remplacer ?
preview-more = … ({ $count ->
    [one] 1 ligne de plus
   *[other] { $count } lignes de plus
}) …

## Retenir les coordonnées de la personne qui écrit
remember-ask = Retenir votre nom, votre lieu et votre langue pour la prochaine fois ?
remember-ask-in = Retenir votre nom, votre lieu et votre langue pour la prochaine fois (dans { $path }) ?
remember-done = Retenu dans { $path }.
remember-failed = impossible de retenir vos coordonnées : { $error }

## Répondre
prompt-type-something = veuillez saisir quelque chose
prompt-doing-editor = lancement de l'éditeur
prompt-doing-terminal = lecture du terminal
# Questions simples : une question à laquelle on répond par une ligne, avec sa valeur par défaut.
prompt-line = { $question } :
prompt-line-default = { $question } [{ $default }] :
prompt-too-long = Cette ligne est trop longue ; veuillez la saisir à nouveau.
prompt-not-utf8 = Ce texte n'était pas en UTF-8 ; veuillez le saisir à nouveau.
# Questions simples : la ligne qui demande le numéro d'un choix.
prompt-number = Tapez un nombre de 1 à { $count } [{ $default }] :
prompt-not-a-choice = « { $typed } » ne fait pas partie des choix : tapez un nombre de 1 à { $count }.
prompt-yes-no-default-yes = [O/n] :
prompt-yes-no-default-no = [o/N] :
# Mots acceptés pour oui et pour non, en plus de y et n, séparés par des espaces.
prompt-yes-answers = o oui
prompt-no-answers = non
prompt-yes-or-no = Veuillez répondre o (oui) ou n (non).
prompt-yes = oui
prompt-no = non

## Réponses données sans question
answer-from-config = les réglages retenus
answer-missing = aucune valeur pour { $flag } : indiquez { $flag } (aucun terminal pour poser la question)
answer-missing-or-env = aucune valeur pour { $flag } : indiquez { $flag } ou définissez { $env } (aucun terminal pour poser la question)
answer-not-a-target = { $what } : `{ $value }` n'est pas un destinataire ; indiquez son numéro (1, 2, …, comme les liste `appeal show`) ou `all`
answer-not-a-language = { $what } : `{ $value }` n'est pas une étiquette de langue ; utilisez un code comme en, es ou pt-BR
answer-empty = { $what } ne doit pas être vide
config-doing-remember = enregistrement de vos coordonnées
config-no-folder = ce système n'a pas de dossier de configuration
