# Les questions et menus d'appeal en français. Suit en/prompts.ftl, clé par clé.
