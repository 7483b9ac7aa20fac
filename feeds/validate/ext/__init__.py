"""Rules for namespaced extensions and the machinery RSS shares with them.

`core` holds the context, names and walker; `kinds` the value checks; `rules` the rule
factories; one module per vocabulary family holds its table (`dc`, `modules`, `itunes`,
`media`, `geo`, `feedsync`, `history`, `vendors`, `atom`, `app`, `xrd`). The public entry
points are in `feeds.validate.extensions`.
"""
