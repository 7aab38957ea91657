/**
 * Portuguese chat text for benchmarks: what customers and agents of a Brazilian shop write on
 * WhatsApp, so message sizes and full-text search behave as they would in production.
 */

export const FIRST_NAMES = [
  "Maria",
  "Ana",
  "Francisca",
  "Antônia",
  "Adriana",
  "Juliana",
  "Márcia",
  "Fernanda",
  "Patrícia",
  "Aline",
  "José",
  "João",
  "Antônio",
  "Francisco",
  "Carlos",
  "Paulo",
  "Pedro",
  "Lucas",
  "Luiz",
  "Marcos",
  "Gabriel",
  "Rafael",
  "Daniel",
  "Marcelo",
  "Bruno",
  "Eduardo",
  "Felipe",
  "Raimundo",
  "Rodrigo",
  "Sandra",
  "Camila",
  "Amanda",
  "Letícia",
  "Beatriz",
  "Larissa",
  "Vitória",
  "Gustavo",
  "Thiago",
  "Matheus",
  "Leonardo",
];

export const LAST_NAMES = [
  "Silva",
  "Santos",
  "Oliveira",
  "Souza",
  "Rodrigues",
  "Ferreira",
  "Alves",
  "Pereira",
  "Lima",
  "Gomes",
  "Costa",
  "Ribeiro",
  "Martins",
  "Carvalho",
  "Almeida",
  "Lopes",
  "Soares",
  "Fernandes",
  "Vieira",
  "Barbosa",
  "Rocha",
  "Dias",
  "Nascimento",
  "Andrade",
  "Moreira",
  "Nunes",
  "Marques",
  "Machado",
  "Mendes",
  "Freitas",
];

/** What customers write (inbound). */
export const CUSTOMER_PHRASES = [
  "Bom dia, tudo bem?",
  "Boa tarde! Gostaria de saber se o meu pedido já foi enviado.",
  "Olá, vi o anúncio no Instagram e queria mais informações sobre o produto.",
  "Qual é o prazo de entrega para São Paulo?",
  "Vocês aceitam pagamento por Pix?",
  "Meu pedido ainda não chegou, já faz mais de dez dias.",
  "O código de rastreio não está funcionando no site dos Correios.",
  "Quero trocar o tamanho, ficou pequeno.",
  "Tem na cor azul?",
  "Quanto fica o frete para Belo Horizonte?",
  "Consigo parcelar no cartão em quantas vezes?",
  "Recebi o produto com defeito, como faço para devolver?",
  "Obrigada pelo atendimento!",
  "Pode me mandar o boleto de novo? O outro venceu.",
  "Ainda tem em estoque?",
  "Vocês têm loja física ou é só online?",
  "Gostaria de cancelar a compra, por favor.",
  "A nota fiscal não veio junto com a mercadoria.",
  "Fiz o pagamento ontem à noite, segue o comprovante.",
  "Qual o horário de atendimento de vocês?",
  "Não consigo finalizar a compra pelo aplicativo, dá erro no pagamento.",
  "O entregador disse que não encontrou o endereço, mas eu estava em casa.",
  "Tem desconto para compra em quantidade?",
  "Preciso do produto até sexta-feira, é possível?",
  "Estou aguardando o reembolso há duas semanas.",
  "Perfeito, pode fechar o pedido então.",
  "Vocês entregam no interior do Paraná?",
  "A garantia cobre esse tipo de problema?",
  "Mandei um e-mail mas ninguém respondeu.",
  "Qual o valor à vista?",
  "Oi, sou cliente antiga de vocês e queria fazer um novo pedido.",
  "O cupom de desconto não está sendo aceito.",
  "Posso retirar pessoalmente?",
  "A caixa chegou amassada, mas o produto está bem.",
  "Muito obrigado, resolveu meu problema!",
];

/** What agents (or the owner, from the phone) write (outbound). */
export const AGENT_PHRASES = [
  "Olá! Obrigado por entrar em contato, em que posso ajudar?",
  "Seu pedido foi enviado hoje, segue o código de rastreio.",
  "O prazo de entrega é de 5 a 8 dias úteis após a confirmação do pagamento.",
  "Aceitamos Pix, boleto e cartão de crédito em até 12 vezes.",
  "Vou verificar com o setor de logística e já retorno.",
  "Pode nos enviar uma foto do produto com defeito, por favor?",
  "A troca é gratuita em até 30 dias após o recebimento.",
  "Segue o novo boleto com vencimento para amanhã.",
  "O reembolso foi processado e deve aparecer na sua fatura em até dois ciclos.",
  "Temos sim, nas cores preta, azul e vermelha.",
  "O frete para a sua região fica R$ 23,90.",
  "Nosso atendimento funciona de segunda a sexta, das 8h às 18h.",
  "Pedido cancelado com sucesso, o estorno será feito em até 7 dias úteis.",
  "Desculpe pela demora, estamos com um volume alto de mensagens hoje.",
  "Qualquer dúvida estamos à disposição!",
];

export const PRODUCTS = [
  "tênis de corrida",
  "camiseta básica",
  "calça jeans",
  "mochila escolar",
  "fone de ouvido bluetooth",
  "carregador turbo",
  "capinha de celular",
  "relógio digital",
  "cafeteira elétrica",
  "liquidificador",
  "air fryer",
  "jogo de panelas",
  "jogo de cama casal",
  "toalha de banho",
  "perfume importado",
  "kit de maquiagem",
  "protetor solar",
  "vestido floral",
  "bolsa de couro",
  "óculos de sol",
  "furadeira",
  "bicicleta aro 29",
  "cadeira de escritório",
  "luminária de mesa",
  "ventilador de coluna",
  "notebook",
  "mouse sem fio",
  "teclado mecânico",
  "caixa de som portátil",
  "smart TV 50 polegadas",
];

export const CITIES = [
  "São Paulo",
  "Rio de Janeiro",
  "Belo Horizonte",
  "Salvador",
  "Fortaleza",
  "Curitiba",
  "Recife",
  "Porto Alegre",
  "Manaus",
  "Goiânia",
  "Campinas",
  "Florianópolis",
];

/** A deterministic, fast pseudo-random generator (mulberry32) so runs are comparable. */
export function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

/** A chat message of realistic length: one to three sentences, sometimes naming a product or city. */
export function chatText(random: () => number, outbound: boolean): string {
  const phrases = outbound ? AGENT_PHRASES : CUSTOMER_PHRASES;
  const parts = [pick(random, phrases)];
  const roll = random();
  if (roll < 0.35) parts.push(`É sobre o ${pick(random, PRODUCTS)}, pedido ${10_000 + Math.floor(random() * 90_000)}.`);
  else if (roll < 0.5) parts.push(`Moro em ${pick(random, CITIES)}.`);
  if (random() < 0.3) parts.push(pick(random, phrases));
  return parts.join(" ");
}

export function personName(index: number): string {
  return `${FIRST_NAMES[index % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length]}`;
}

/** A Brazilian mobile (São Paulo, with the 9th digit) unique per index up to 10 million, digits only. */
export function mobileDigits(index: number): string {
  return `551198${String(index).padStart(7, "0")}`;
}
