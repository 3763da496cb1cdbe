# Ce que signale `appeal check` sur les fichiers d'action et de messages, en français. Suit en/check.ftl, clé par clé.
