"""Fuzzing the real application: generated updates go through the Bot API emulator to a running
bot, which must never crash, always answer within Telegram's limits and never touch another
user's rows (issue 7, "Delivery you can trust at scale")."""
