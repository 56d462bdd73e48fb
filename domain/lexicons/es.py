"""Spanish, as the English words the reader knows (see `domain.lexicons`)."""

from domain.dates import MONTH_NAMES
from domain.weekdays import WEEKDAY_NAMES

IMPLICIT_OBJECT = True
DATEPARSER = "es"

WORDS = {
    # cues and links
    "with": "con conmigo",
    "to": "a al pa para",
    "from": "de desde",
    "at": "en",
    "and": "y e",
    "about": "sobre acerca",
    "for": "por",
    "the": "el la los las lo",
    "a": "un una unos unas",
    "my": "mi mis",
    "our": "nuestro nuestra nuestros",
    "his": "su sus",
    "them": "le",
    "everyone": "les",
    "her": "ella",
    "him": "él",
    "me": "me",
    "if": "si",
    "that": "que",
    "how": "cómo como",
    "what": "qué",
    "also": "también",
    "then": "luego después",
    "but": "pero",
    "so": "así",
    "again": "otra",
    # what people did
    "met": "conocí quedé vi encontré reuní",
    "called": "llamé hablé telefoneé",
    "call": "llamar llama llámale llamarle llamada llamadita llamadas",
    "emailed": "emaileé",
    "email": "correo mail email",
    "texted": "texteé",
    "messaged": "escribí mensajeé",
    "message": "mensaje mensajes escribir escribirle escríbele",
    "wrote": "contesté respondí",
    "sent": "mandé envié pasé reenvié compartí",
    "send": "mandar enviar mandarle enviarle pasarle",
    "gave": "di regalé dejé",
    "give": "dar darle",
    "asked": "pregunté pedí consulté",
    "ask": "preguntar pedir preguntarle pedirle",
    "told": "conté dije expliqué",
    "tell": "contar contarle decirle",
    "introduced": "presenté",
    "introduce": "presentar presentarle",
    "intro": "intro introducción",
    "helped": "ayudé",
    "help": "ayudar ayuda",
    "recommended": "recomendé",
    "referred": "referí",
    "reviewed": "revisé",
    "review": "revisar",
    "invited": "invité",
    "offered": "ofrecí",
    "thanked": "agradecí",
    "congratulated": "felicité",
    "talked": "charlé platiqué",
    "talk": "hablar charlar",
    "chatted": "chateé",
    "follow": "seguimiento seguir",
    "check": "retomar",
    "ping": "pingear",
    "remind": "recordar recordarle",
    "see": "ver verle",
    "meet": "quedar",
    "had": "tuve tomé",
    "went": "fui",
    "was": "fue estuve estaba",
    "need": "tengo debo hay",
    "really": (
        " ok vale bueno rápido rápida breve corto corta largo muy mucho poco "
        "equipo trabajo proyecto puesto vacante oferta plantilla curso charla "
        "charlas feedback consejo consejos libro artículo presentación cv portfolio enlace "
        "link slides notas liderazgo freelancing startups del tema temas cosas cosa "
        "busco buscan buscando contratan contratando todo nuevo nueva mejor algo alguien "
        "gracias genial pendiente ideas idea tal tranquilo duro lleno "
        " vacantes anuncio perfil oportunidad oportunidades entrevista entrevistas "
        "pregunta preguntas charlamos hablamos quedamos vimos fuimos tomamos "
        "porque aunque mientras solo sólo ya aún todavía bien mal muy súper super "
        "meetup google coworking fotos foto"
        " contactos contacto equipo grupo chicos chicas peña familiares primos hermano"
        " hermana primo prima tío tía padres madre padre vecinos alumnos estudiantes"
        " candidatos inversores socios proveedores todos todas varios varias algunos"
        " algunas otros otras mucha muchos poca pocos tomar algo rato ratito charla datos"
        " tips consejos"
    ),
    # channels
    "coffee": "café cafe cafecito cafés",
    "lunch": "comida almuerzo comí almorcé comimos almorzamos",
    "dinner": "cena cené",
    "breakfast": "desayuno desayuné",
    "drinks": "cervezas cerveza cañas caña copas copa vinos birras",
    "meeting": "reunión",
    "walk": "paseo",
    "phone": "teléfono telefónica",
    "videocall": "videollamada",
    "zoom": "zoom meet teams",
    "whatsapp": "whatsapp wasap wsp whats",
    "linkedin": "linkedin",
    "telegram": "telegram",
    "event": "evento",
    "conference": "conferencia",
    # who they are
    "friend": "amigo amiga",
    "colleague": "compañero compañera colega",
    "colleagues": "compañeros compañeras colegas",
    "friends": "amigos amigas",
    "clients": "clientes",
    "family": "familia",
    "people": "gente",
    "boss": "jefe jefa",
    "manager": "manager",
    "mentor": "mentor mentora",
    "recruiter": "recruiter reclutador reclutadora",
    "founder": "fundador fundadora",
    "cofounder": "cofundador cofundadora",
    "lead": "líder",
    "engineer": "ingeniero ingeniera",
    "designer": "diseñador diseñadora",
    "investor": "inversor inversora",
    "client": "cliente",
    "partner": "socio socia",
    "neighbour": "vecino vecina",
    # nobody, nothing
    "nobody": "nadie ninguno",
    "nothing": "nada",
    "no": "no",
    "not": "tampoco",
    # dates
    "today": "hoy",
    "tomorrow": "mañana mñn",
    "yesterday": "ayer",
    "next": "próximo próxima proximo proxima siguiente",
    "this": "este esta",
    "in": "dentro",
    "week": "semana",
    "weeks": "semanas",
    "month": "mes",
    "months": "meses",
    "day": "día dia",
    "days": "días dias",
    "end": "fin final",
    "one": "uno",
    "two": "dos",
    "three": "tres",
    "four": "cuatro",
    "five": "cinco",
    "morning": "madrugada",
    "afternoon": "tarde",
    "evening": "noche",
    "monday": "lunes",
    "tuesday": "martes",
    "wednesday": "miércoles miercoles",
    "thursday": "jueves",
    "friday": "viernes",
    "saturday": "sábado sabado",
    "sunday": "domingo",
    "january": "enero",
    "february": "febrero",
    "march": "marzo",
    "april": "abril",
    "may": "mayo",
    "june": "junio",
    "july": "julio",
    "august": "agosto",
    "september": "septiembre setiembre",
    "october": "octubre",
    "november": "noviembre",
    "december": "diciembre",
}

PHRASES = {
    "next week": "la semana que viene, la próxima semana, la proxima semana, semana que viene",
    "overmorrow": "pasado mañana, pasado manana",
    "end of month": "fin de mes, finales de mes, fin del mes, a fin de mes",
    "weekend": "fin de semana, el finde, finde",
    "in a week": "en una semana, dentro de una semana",
    "next": "que viene",
    "with": "junto con",
    "in": "dentro de",
    "at": "a las, a la",
    "called": "llamé a, hablé con, hablé por teléfono con",
    "call": "llamar a",
    "nobody": "no vi a nadie, no hablé con nadie, ningún contacto",
}

_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
# "15 de diciembre" is the 15th of December; "el jueves que viene" is next Thursday.
PHRASES |= {f"of {month}": f"de {WORDS[month].split()[0]}" for month in MONTH_NAMES}
PHRASES |= {
    f"next {day}": ", ".join(f"{w} que viene, el {w} que viene" for w in WORDS[day].split())
    for day in WEEKDAY_NAMES
}
# "en dos semanas", "en 3 días": "en" is "in" before a count (else "at": "en Amazon").
_COUNTS = {
    "a": "un una",
    "one": "uno",
    "two": "dos",
    "three": "tres",
    "four": "cuatro",
    "five": "cinco",
    "ten": "diez",
} | {str(n): str(n) for n in range(1, 32)}
PHRASES |= {
    f"in {english}": ", ".join(f"en {w}" for w in spelled.split())
    for english, spelled in _COUNTS.items()
}

# Command arguments: "/pause 2 semanas", "/pause hasta el viernes", "/days lun-vie",
# "/quiet de 22:00 a 07:00", "/quiet apagar".
ARGUMENT_WORDS = {
    "o'clock": "horas hs",
    "noon": "mediodía mediodia",
    "midnight": "medianoche",
    "searching": "buscando busco búsqueda busqueda",
    "employed": "empleado empleada trabajando contratado contratada",
    "until": "hasta",
    "to": "a al",
    "for": "durante",
    "off": "apagar apagado apagadas desactivar desactivado desactivadas quitar ninguna",
    "indefinitely": "indefinidamente",
    "monday": "lu lun",
    "tuesday": "ma mar",
    "wednesday": "mi mié mie",
    "thursday": "ju jue",
    "friday": "vi vie",
    "saturday": "sá sa sáb sab",
    "sunday": "do dom",
    "weekdays": "laborables",
    "daily": "diario diariamente",
}
ARGUMENT_PHRASES = {
    "searching": "buscando trabajo, buscando empleo, en búsqueda, en busqueda",
    "employed": "tengo trabajo, tengo empleo, con trabajo",
    "indefinitely": (
        "hasta nuevo aviso, hasta que yo diga, hasta que diga, hasta que vuelva, "
        "por tiempo indefinido"
    ),
    "until": "hasta el, hasta la",
    "weekdays": "entre semana, días laborables, dias laborables",
    "weekends": "fines de semana, los fines de semana",
    "everyday": "todos los días, todos los dias, cada día, cada dia",
}
