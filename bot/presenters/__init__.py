"""Presenters: fill the templates of `bot.texts` with a feature's data (one module each).

They turn plain values (dates, counts, rows) into what the user reads and never touch the
database or Telegram, so the scheduler's nudges and the handlers' replies share them.
"""
