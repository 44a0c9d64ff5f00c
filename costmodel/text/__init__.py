"""Words and numbers for users: Swedish first, English on request.

:mod:`.fmt` formats numbers with the locale (babel), :mod:`.i18n` holds the CLI's words and
:mod:`.messages` rewrites scenario problems in Swedish.
"""
