-- Codes, not sentences: what the domain stores is a code with parameters, worded by the UI in the
-- person's language. New parameter columns, and the prose stored before them converted to codes.
-- Idempotent: every UPDATE matches only the old prose, never a code.

ALTER TABLE instance_events ADD COLUMN IF NOT EXISTS detail_params jsonb NOT NULL DEFAULT '{}';
ALTER TABLE campaigns ADD COLUMN IF NOT EXISTS pause_params jsonb NOT NULL DEFAULT '{}';
ALTER TABLE webhook_deliveries ADD COLUMN IF NOT EXISTS error_params jsonb NOT NULL DEFAULT '{}';
ALTER TABLE contact_imports ADD COLUMN IF NOT EXISTS error_params jsonb NOT NULL DEFAULT '{}';

-- Every organization's rows: the owner role reads past row-level security while it is not forced
-- (inside this migration's transaction only; forced again at the end).
ALTER TABLE "campaigns" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "campaign_recipients" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "messages" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "contact_imports" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "instance_events" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "webhook_deliveries" NO FORCE ROW LEVEL SECURITY;

-- The sentences AppErrors carried (and failures stored), each with its reason code.
CREATE TEMPORARY TABLE prose_reasons (prose text PRIMARY KEY, reason text NOT NULL) ON COMMIT DROP;
INSERT INTO prose_reasons (prose, reason) VALUES
  ('Campanha não encontrada.', 'campaignNotFound'),
  ('Instância não encontrada.', 'instanceNotFound'),
  ('Contato não encontrado.', 'contactNotFound'),
  ('Segredo do webhook inválido.', 'webhookSecretInvalid'),
  ('Entre para continuar.', 'signInRequired'),
  ('Membro não encontrado.', 'memberNotFound'),
  ('Importação não encontrada.', 'importNotFound'),
  ('Etiqueta não encontrada.', 'tagNotFound'),
  ('Conversa não encontrada.', 'conversationNotFound'),
  ('Você não pode conceder este papel.', 'roleNotGrantable'),
  ('Esta campanha já foi lançada.', 'campaignAlreadyLaunched'),
  ('Verifique os campos destacados.', 'checkFields'),
  ('Informe a chave de novo ao mudar o endereço do provedor.', 'aiKeyRequiredOnUrlChange'),
  ('Informe a base legal e a evidência do consentimento.', 'consentBasisRequired'),
  ('Informe a base legal e a evidência do consentimento desta planilha.', 'importConsentRequired'),
  ('Este contato pediu para não receber mensagens.', 'contactOptedOut'),
  ('Confira a correspondência das colunas.', 'checkColumnMapping'),
  ('A mensagem usa variáveis que não existem.', 'unknownTemplateVariables'),
  ('O provedor de IA respondeu fora do formato pedido.', 'aiProviderBadFormat'),
  ('O banco de dados não respondeu à recepção de webhooks.', 'webhookIntakeDatabaseDown'),
  ('A recepção de webhooks está ocupada; tente de novo em instantes.', 'webhookIntakeBusy'),
  ('E-mail ou senha incorretos.', 'invalidCredentials'),
  ('Muitas tentativas de entrar. Aguarde alguns minutos e tente de novo.', 'signInRateLimited'),
  ('O arquivo passa do limite de 20 MB. Divida a planilha em partes menores.', 'importFileTooLarge'),
  ('Corpo acima do limite.', 'bodyTooLarge'),
  ('Resposta rápida não encontrada.', 'quickReplyNotFound'),
  ('Organização não encontrada.', 'organizationNotFound'),
  ('O relatório desta importação não está mais disponível.', 'importReportGone'),
  ('O arquivo desta importação não está mais disponível. Envie a planilha de novo.', 'importFileGone'),
  ('Not found.', 'notFound'),
  ('Nenhum provedor de IA configurado.', 'aiProviderMissing'),
  ('Mídia não encontrada.', 'mediaNotFound'),
  ('Mídia não encontrada no armazenamento.', 'mediaNotInStorage'),
  ('Metrics are disabled: set METRICS_TOKEN to enable /api/metrics.', 'metricsDisabled'),
  ('Unauthorized: send Authorization: Bearer <METRICS_TOKEN>.', 'metricsTokenRequired'),
  ('Evento não encontrado na fila de falhas.', 'deadDeliveryNotFound'),
  ('Esta importação não tem linhas rejeitadas.', 'importHasNoRejections'),
  ('Classificação não encontrada.', 'insightNotFound'),
  ('Campo não encontrado.', 'fieldNotFound'),
  ('Você não tem acesso a esta organização.', 'notAMember'),
  ('Só um proprietário pode alterar outro proprietário.', 'onlyOwnerChangesOwner'),
  ('Sua conta não participa de nenhuma organização.', 'noOrganization'),
  ('Apenas administradores podem fazer isso.', 'adminsOnly'),
  ('Apenas administradores podem importar contatos.', 'adminsOnlyImport'),
  ('Apenas administradores podem desbloquear contatos.', 'adminsOnlyUnblock'),
  ('Você não pode remover a si mesmo.', 'cannotRemoveSelf'),
  ('Uma campanha lançada não pode ser alterada; crie outra.', 'launchedCampaignReadOnly'),
  ('Só mensagens com falha podem ser reenviadas.', 'onlyFailedRetry'),
  ('Já existe uma instância com este nome.', 'instanceNameTaken'),
  ('Já existe uma etiqueta com este nome.', 'tagNameTaken'),
  ('Já existe um registro com estes dados.', 'duplicateRecord'),
  ('Já existe um campo com esta chave.', 'fieldKeyTaken'),
  ('Este atalho já está em uso.', 'shortcutTaken'),
  ('Esta pessoa já faz parte da organização.', 'alreadyMember'),
  ('Esta importação já foi iniciada.', 'importAlreadyStarted'),
  ('Esta importação já foi concluída.', 'importAlreadyCompleted'),
  ('Esta importação já está em andamento.', 'importAlreadyRunning'),
  ('Envio ainda não confirmado pela Evolution API; nova verificação em breve.', 'sendUnconfirmed'),
  ('A organização precisa de pelo menos um proprietário.', 'lastOwner'),
  ('Só é possível atribuir a membros desta organização.', 'assigneeNotMember'),
  ('Rótulo desconhecido.', 'unknownLabel'),
  ('O corpo do webhook não é um JSON válido.', 'webhookBodyNotJson'),
  ('Not JSON.', 'webhookBodyNotJson'),
  ('Identificador de mídia inválido.', 'invalidMediaKey'),
  ('Filtro inválido.', 'invalidFilter'),
  ('Esta importação não foi iniciada com uma correspondência de colunas.', 'importWithoutMapping'),
  ('Escolha números desta organização.', 'instancesNotInOrganization'),
  ('Envie um arquivo no campo file.', 'fileFieldMissing'),
  ('Envie a planilha no campo file.', 'spreadsheetFieldMissing'),
  ('Anexo não encontrado: envie o arquivo de novo.', 'attachmentNotFound'),
  ('Anexo inválido: envie o arquivo de novo.', 'attachmentInvalid'),
  ('A planilha só tem a linha de cabeçalho: não há nenhum contato para importar.', 'spreadsheetHeaderOnly'),
  ('Nenhuma linha válida para importar. Confira a coluna do telefone ou corrija a planilha e envie de novo.', 'importNoValidRows'),
  ('Não foi possível ler este arquivo como planilha XLSX. Confira se ele abre no Excel, não tem senha, e envie de novo (ou salve como CSV).', 'xlsxUnreadable'),
  ('O arquivo está vazio.', 'fileEmpty'),
  ('A Evolution API está indisponível; tentaremos de novo em instantes.', 'evolutionCircuitOpen'),
  ('O armazenamento de mídia não respondeu como esperado. Tente de novo em instantes.', 'mediaStoreUnavailable'),
  ('O webhook recebido não é um evento da Evolution API.', 'webhookNotEvolutionEvent'),
  ('Algo deu errado do nosso lado. Tente de novo em instantes.', 'internal'),
  ('Não foi possível conectar ao servidor da Evolution API.', 'evolutionNetwork'),
  ('O servidor da Evolution API não respondeu a tempo.', 'evolutionTimeout'),
  ('A Evolution API falhou ao processar o pedido.', 'evolutionServerError'),
  ('A Evolution API aguarda a ativação da licença.', 'evolutionLicenseRequired'),
  ('A Evolution API recusou a chave de acesso (apikey).', 'evolutionUnauthorized'),
  ('Já existe uma instância com este nome na Evolution API.', 'evolutionNameInUse'),
  ('Esta instância não existe na Evolution API.', 'evolutionInstanceNotFound'),
  ('A Evolution API não reconhece esta operação; confira o endereço do servidor.', 'evolutionUnknownRoute'),
  ('Este número não está no WhatsApp.', 'notOnWhatsapp'),
  ('A instância não está conectada ao WhatsApp.', 'instanceNotConnected'),
  ('O arquivo é grande demais para a Evolution API.', 'evolutionPayloadTooLarge'),
  ('A Evolution API recusou o pedido; confira os dados enviados.', 'evolutionRejected'),
  ('A Evolution API não conseguiu iniciar a conexão da instância.', 'evolutionConnectFailed'),
  ('A Evolution API respondeu num formato inesperado.', 'evolutionUnexpectedResponse'),
  ('O número desta conversa não está conectado ao WhatsApp.', 'conversationInstanceDisconnected'),
  ('O anexo desta mensagem não pôde ser lido agora.', 'attachmentUnreadable'),
  ('O anexo desta mensagem não foi encontrado no armazenamento.', 'attachmentMissing'),
  ('Falha inesperada ao enviar.', 'sendFailedUnexpectedly'),
  ('O WhatsApp não confirmou o envio. Confira a conversa no celular antes de tentar de novo.', 'sendNotConfirmed'),
  ('Não foi possível baixar a mídia.', 'mediaDownloadFailed'),
  ('A importação parou por um erro inesperado. Tente de novo: as linhas já gravadas não serão duplicadas.', 'importCrashed'),
  ('Este atalho já está em uso', 'shortcutTaken'),
  ('Já existe um campo com esta chave', 'fieldKeyTaken'),
  ('Já existe uma etiqueta com este nome', 'tagNameTaken'),
  ('Informe a chave de novo: o endereço do provedor mudou.', 'aiKeyRequiredOnUrlChange'),
  ('Descreva de onde vêm os consentimentos (ex.: formulário do site, 2026)', 'importEvidenceRequired'),
  ('Descreva a evidência do consentimento', 'consentEvidenceRequired'),
  ('Para registrar um novo consentimento, descreva a evidência de que a pessoa voltou a aceitar', 'reconsentEvidenceRequired'),
  ('Esta coluna não existe no arquivo', 'columnMissing'),
  ('Esta coluna já está sendo usada em outro campo', 'columnInUse'),
  ('Este campo personalizado não existe mais', 'customFieldGone'),
  ('Campo desconhecido: crie-o em Configurações › Campos de contato', 'customFieldUnknown')
ON CONFLICT DO NOTHING;

-- Campaign pauses.
UPDATE campaigns SET pause_reason = 'failure_rate',
       pause_params = jsonb_build_object('percent', (substring(pause_reason FROM 'limite: (\d+)%'))::int)
 WHERE pause_reason LIKE 'Falhas acima do limite:%';
UPDATE campaigns SET pause_reason = 'opt_out_rate',
       pause_params = jsonb_build_object('percent', (substring(pause_reason FROM 'limite: (\d+)%'))::int)
 WHERE pause_reason LIKE 'Descadastros acima do limite:%';
UPDATE campaigns SET pause_reason = 'all_instances_down'
 WHERE pause_reason = 'Todos os números escolhidos estão desconectados.';
UPDATE campaigns SET pause_reason = NULL
 WHERE pause_reason IS NOT NULL AND pause_reason NOT IN ('failure_rate', 'opt_out_rate', 'all_instances_down');

-- Recipients skipped or failed, and messages that failed.
UPDATE campaign_recipients SET reason = 'cancelled' WHERE reason = 'campanha cancelada';
UPDATE campaign_recipients SET reason = 'window_closed' WHERE reason = 'janela encerrada';
UPDATE campaign_recipients r SET reason = p.reason FROM prose_reasons p WHERE r.reason = p.prose;
UPDATE messages m SET failure_reason = p.reason FROM prose_reasons p WHERE m.failure_reason = p.prose;
UPDATE contact_imports i SET error = p.reason FROM prose_reasons p WHERE i.error = p.prose;
-- Other prose (a message joined with its field errors) has no code of its own; codes never hold a space.
UPDATE contact_imports SET error = 'importCrashed' WHERE error LIKE '% %';
UPDATE messages m SET media_error = p.reason FROM prose_reasons p WHERE m.media_error = p.prose;
UPDATE messages SET media_error = 'mediaTypeNotAllowed' WHERE media_error LIKE 'Tipo de arquivo não permitido%';
UPDATE messages SET media_error = 'mediaTooLarge' WHERE media_error LIKE 'O arquivo tem %; o limite é %';

-- The instance timeline.
UPDATE instance_events SET detail = CASE detail
    WHEN 'Código de pareamento solicitado' THEN 'pairing_code_requested'
    WHEN 'QR code solicitado' THEN 'qr_requested'
    WHEN 'Reiniciada por um membro' THEN 'restarted_by_member'
    WHEN 'Desconectada (logout) por um membro' THEN 'logged_out_by_member'
    WHEN 'Excluída por um membro' THEN 'deleted_by_member'
    WHEN 'A instância não existe mais na Evolution API' THEN 'gone_from_evolution'
    WHEN 'A conexão dizia estar aberta mas não respondeu' THEN 'open_but_unresponsive'
    WHEN 'Queda detectada pelo monitor' THEN 'drop_detected'
    WHEN 'Estado sincronizado com a Evolution API' THEN 'state_synced'
  END
 WHERE detail IN ('Código de pareamento solicitado', 'QR code solicitado', 'Reiniciada por um membro',
                  'Desconectada (logout) por um membro', 'Excluída por um membro',
                  'A instância não existe mais na Evolution API', 'A conexão dizia estar aberta mas não respondeu',
                  'Queda detectada pelo monitor', 'Estado sincronizado com a Evolution API');
UPDATE instance_events
   SET detail_params = jsonb_build_object('url', substring(detail FROM 'Evolution API: (.*)$')),
       detail = 'webhook_registered'
 WHERE detail LIKE 'Webhook registrado na Evolution API: %';
UPDATE instance_events
   SET detail_params = jsonb_build_object(
         'attempt', (substring(detail FROM '^Tentativa (\d+)'))::int,
         'nextInSeconds', (substring(detail FROM 'próxima em (\d+) s'))::int)
         || CASE WHEN detail LIKE '%— falhou:%' THEN jsonb_build_object('reason', 'internal') ELSE '{}'::jsonb END,
       detail = CASE
         WHEN detail LIKE '%— falhou:%' THEN 'reconnect_failed'
         WHEN detail LIKE '%novo QR%' THEN 'reconnect_needs_qr'
         ELSE 'reconnect_requested'
       END
 WHERE detail LIKE 'Tentativa % de reconexão;%';

-- Webhook deliveries set aside: "malformed: <message>" and "failed: <message>".
UPDATE webhook_deliveries d
   SET error = CASE WHEN d.error LIKE 'malformed: %' THEN 'deliveryMalformed' ELSE 'deliveryFailed' END,
       error_params = CASE
         WHEN d.error ~ '^failed: chat .* names neither a phone nor a LID$' THEN
           jsonb_build_object('reason', 'chatWithoutIdentity',
                              'chat', substring(d.error FROM '^failed: chat (.*) names neither'))
         ELSE jsonb_build_object('reason', coalesce(
           (SELECT p.reason FROM prose_reasons p WHERE p.prose = regexp_replace(d.error, '^(malformed|failed): ', '')),
           'internal'))
       END
 WHERE d.error LIKE 'malformed: %' OR d.error LIKE 'failed: %';

ALTER TABLE "campaigns" FORCE ROW LEVEL SECURITY;
ALTER TABLE "campaign_recipients" FORCE ROW LEVEL SECURITY;
ALTER TABLE "messages" FORCE ROW LEVEL SECURITY;
ALTER TABLE "contact_imports" FORCE ROW LEVEL SECURITY;
ALTER TABLE "instance_events" FORCE ROW LEVEL SECURITY;
ALTER TABLE "webhook_deliveries" FORCE ROW LEVEL SECURITY;
