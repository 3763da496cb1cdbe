# Ce que disent les commandes d'appeal, en français. Suit en/commands.ftl, clé par clé.
