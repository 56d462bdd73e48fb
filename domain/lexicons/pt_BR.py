"""Brazilian Portuguese, as the English words the reader knows (see `domain.lexicons`)."""

from domain.dates import MONTH_NAMES
from domain.weekdays import WEEKDAY_NAMES

IMPLICIT_OBJECT = True
DATEPARSER = "pt"

WORDS = {
    # articles before a name say nothing: "com a Fernanda", "o Bruno"
    "": "o a os as",
    "with": "com comigo",
    "to": "pra pro pras pros para ao à",
    "from": "do da de",
    "at": "na no em",
    "and": "e",
    "about": "sobre",
    "for": "por pelo pela",
    "the": "",
    "a": "um uma uns umas",
    "my": "meu minha meus minhas",
    "our": "nosso nossa",
    "his": "seu sua dele deles",
    "her": "ela dela",
    "him": "ele lhe",
    "everyone": "eles elas",
    "me": "me mim",
    "if": "se",
    "that": "que",
    "how": "como",
    "what": "quê",
    "also": "também",
    "then": "depois",
    "but": "mas",
    # what people did
    "met": "encontrei conheci vi reencontrei",
    "called": "liguei",
    "call": "ligar ligação ligacao call",
    "emailed": "emailei",
    "email": "email e-mail",
    "texted": "zapei",
    "messaged": "escrevi",
    "message": "mensagem msg mensagens escrever",
    "wrote": "respondi",
    "sent": "mandei enviei passei encaminhei compartilhei",
    "send": "mandar enviar passar",
    "gave": "dei",
    "give": "dar",
    "asked": "perguntei pedi",
    "ask": "perguntar pedir",
    "told": "contei falei expliquei",
    "tell": "contar",
    "introduced": "apresentei",
    "introduce": "apresentar",
    "intro": "indicação indicacao intro",
    "helped": "ajudei",
    "help": "ajudar ajuda",
    "recommended": "recomendei indiquei",
    "reviewed": "revisei",
    "review": "revisar",
    "invited": "convidei",
    "offered": "ofereci",
    "thanked": "agradeci",
    "congrats": "parabéns parabens",
    "talked": "conversei batí bati papeei",
    "talk": "falar conversar",
    "follow": "acompanhar",
    "check": "retomar",
    "remind": "lembrar",
    "see": "ver",
    "had": "tomei tive",
    "went": "fui",
    "was": "foi estava",
    "really": (
        " ok beleza rápido rápida rapidinho rapidinha breve muito pouco pessoal "
        "time equipe trabalho projeto vaga vagas oferta guia curso palestra feedback "
        "conselho conselhos livro artigo apresentação cv portfólio portfolio link slides notas "
        "freela freelas startups tema coisa coisas buscam procuram contratando tá está novo "
        "nova melhor algo alguém obrigado valeu legal pendente ideias ideia corrido "
        "puxado cheio entrevista entrevistas pergunta perguntas produto delas "
        "porque enquanto só já ainda bem mal super meetup "
        "guias dicas dica pitch palestrante contato contatos currículo curriculo facul faculdade "
        "trampo escritório escritorio processo seletivo emprego referência referencia carta "
        "advogado livro vagas alguém alguem fechar abrir avisar preparar tão"
        " coworking fotos foto detalhes"
        " galera turma povo gente contatos equipe grupo irmão irmã primo prima tio tia"
        " pais mãe pai vizinhos alunos estudantes candidatos investidores sócios"
        " fornecedores todos todas vários várias alguns algumas outros outras muita muitos"
        " pouca poucos papo rolê dados"
    ),
    # channels
    "coffee": "café cafe cafezinho",
    "lunch": "almoço almoco almocei almoçamos",
    "dinner": "jantar janta jantei jantamos",
    "breakfast": "desjejum",
    "drinks": "cerveja cervejas chopp chope breja drinks",
    "meeting": "reunião reuniao",
    "walk": "caminhada",
    "phone": "telefone",
    "videocall": "videochamada",
    "zoom": "zoom meet teams",
    "whatsapp": "whatsapp zap wpp whats",
    "linkedin": "linkedin",
    "telegram": "telegram",
    "event": "evento",
    "conference": "conferência conferencia",
    # who they are
    "friend": "amigo amiga",
    "colleague": "colega",
    "colleagues": "colegas",
    "friends": "amigos amigas",
    "clients": "clientes",
    "family": "família familia",
    "boss": "chefe",
    "manager": "gestor gestora gerente",
    "mentor": "mentor mentora",
    "recruiter": "recrutador recrutadora recruiter",
    "founder": "fundador fundadora",
    "cofounder": "cofundador cofundadora",
    "lead": "líder",
    "engineer": "engenheiro engenheira",
    "designer": "designer",
    "investor": "investidor investidora",
    "client": "cliente",
    "neighbour": "vizinho vizinha",
    # nobody, nothing
    "nobody": "ninguém ninguem",
    "nothing": "nada",
    "no": "não nao",
    # dates
    "today": "hoje",
    "tomorrow": "amanhã amanha",
    "yesterday": "ontem",
    "next": "próxima próximo proxima proximo",
    "this": "esta este essa esse",
    "in": "daqui",
    "week": "semana",
    "weeks": "semanas",
    "month": "mês mes",
    "months": "meses",
    "day": "dia",
    "days": "dias",
    "end": "fim final",
    "two": "duas dois",
    "three": "três tres",
    "four": "quatro",
    "five": "cinco",
    "afternoon": "tarde",
    "evening": "noite",
    "monday": "segunda segunda-feira seg",
    "tuesday": "terça terça-feira terca ter",
    "wednesday": "quarta quarta-feira qua",
    "thursday": "quinta quinta-feira qui",
    "friday": "sexta sexta-feira sex",
    "saturday": "sábado sabado sáb",
    "sunday": "domingo dom",
    "january": "janeiro",
    "february": "fevereiro",
    "march": "março",
    "april": "abril",
    "may": "maio",
    "june": "junho",
    "july": "julho",
    "august": "agosto",
    "september": "setembro",
    "october": "outubro",
    "november": "novembro",
    "december": "dezembro",
}

PHRASES = {
    "next week": "semana que vem, na semana que vem, a semana que vem, próxima semana",
    "overmorrow": "depois de amanhã, depois de amanha",
    "end of month": "fim do mês, final do mês, fim do mes, final do mes",
    "weekend": "fim de semana, fds",
    "in": "daqui a, dentro de",
    "at": "às, as",
    "nobody": "não falei com ninguém, nao falei com ninguem, ninguém hoje",
    "to": "para o, para a",
    "called": "liguei pro, liguei pra, liguei para, falei com, falei por telefone com",
    "call": "ligar pro, ligar pra, ligar para",
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
# "15 de dezembro" is the 15th of December; "quinta que vem" is next Thursday.
PHRASES |= {f"of {month}": f"de {WORDS[month].split()[0]}" for month in MONTH_NAMES}
PHRASES |= {
    f"next {day}": ", ".join(f"{w} que vem, na {w} que vem" for w in WORDS[day].split())
    for day in WEEKDAY_NAMES
}
# "em uma semana", "em 3 dias": "em" is "in" before a count (else "at": "em São Paulo").
_COUNTS = {
    "a": "um uma",
    "two": "dois duas",
    "three": "três tres",
    "four": "quatro",
    "five": "cinco",
    "ten": "dez",
} | {str(n): str(n) for n in range(1, 32)}
PHRASES |= {
    f"in {english}": ", ".join(f"em {w}" for w in spelled.split())
    for english, spelled in _COUNTS.items()
}

# Command arguments: "/pause 2 semanas", "/pause até sexta", "/days seg-sex",
# "/quiet das 22:00 às 07:00", "/quiet desligar".
ARGUMENT_WORDS = {
    "o'clock": "horas hs",
    "noon": "meio-dia",
    "midnight": "meia-noite",
    "searching": "procurando buscando busca",
    "employed": "empregado empregada trabalhando",
    "until": "até ate",
    "to": "a à às as",
    "from": "das",
    "for": "durante",
    "off": "desligar desligado desligadas desativar desativado desativadas nenhum nenhuma",
    "indefinitely": "indefinidamente",
    "weekdays": "úteis uteis",
    "daily": "diariamente",
}
ARGUMENT_PHRASES = {
    "searching": "procurando emprego, procurando trabalho, buscando emprego",
    "employed": "tenho emprego, tenho trabalho, estou empregado, estou empregada",
    "indefinitely": (
        "até segunda ordem, ate segunda ordem, até eu dizer, ate eu dizer, até eu voltar, "
        "ate eu voltar, por tempo indeterminado"
    ),
    "until": "até o, até a, ate o, ate a, até o dia, ate o dia",
    "weekdays": "dias úteis, dias uteis",
    "weekends": "fins de semana",
    "to": "às, as, à",  # "das 22:00 às 07:00" (in a check-in, "às 10" is "at 10")
    "everyday": "todos os dias, todo dia, todo o dia",
    # "/days segunda-feira - sexta-feira": the dashes of a list of days stand apart
    **{
        day: ", ".join(f"{name} - feira" for name in WORDS[day].split() if "-" not in name)
        for day in ("monday", "tuesday", "wednesday", "thursday", "friday")
    },
}
