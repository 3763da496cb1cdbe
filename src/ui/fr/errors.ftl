# Les messages d'erreur d'appeal en français. Suit en/errors.ftl, clé par clé.
