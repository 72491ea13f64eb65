<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AttachmentImport</name>
    <message>
        <source>Encrypting the files into the vault…</source>
        <translation>Cifrando los archivos en la bóveda…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Adding files</source>
        <translation>Añadiendo archivos</translation>
    </message>
    <message>
        <source>File %1 of %2 could not be added: %3</source>
        <translation>No se pudo añadir el archivo %1 de %2: %3</translation>
    </message>
    <message>
        <source>Encrypting file %1 of %2 into the vault…</source>
        <translation>Cifrando el archivo %1 de %2 en la bóveda…</translation>
    </message>
</context>
<context>
    <name>AttachmentViewer</name>
    <message>
        <source>Attachment viewer</source>
        <translation>Visor de adjuntos</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>This kind of file (%1) cannot be previewed in Redress. Use “Export a copy…” to open it in another program; the copy is not encrypted.</source>
        <translation>Este tipo de archivo (%1) no se puede previsualizar en Redress. Use “Exportar una copia…” para abrirlo en otro programa; la copia no está cifrada.</translation>
    </message>
    <message>
        <source>This file is too large to preview. Use “Export a copy…” to open it in another program; the copy is not encrypted.</source>
        <translation>Este archivo es demasiado grande para previsualizarlo. Use “Exportar una copia…” para abrirlo en otro programa; la copia no está cifrada.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>This PDF cannot be read; it may be damaged.</source>
        <translation>No se puede leer este PDF; puede estar dañado.</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>Documento PDF</translation>
    </message>
    <message>
        <source>This image cannot be read; it may be damaged.</source>
        <translation>No se puede leer esta imagen; puede estar dañada.</translation>
    </message>
    <message>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 píxeles</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <source>&amp;Fit to the window</source>
        <translation>&amp;Ajustar a la ventana</translation>
    </message>
    <message>
        <source>Fit the image to the window</source>
        <translation>Ajustar la imagen a la ventana</translation>
    </message>
    <message>
        <source>Text of the file</source>
        <translation>Texto del archivo</translation>
    </message>
    <message>
        <source>Only the beginning of this file is shown.</source>
        <translation>Solo se muestra el comienzo de este archivo.</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 página</translation>
    </message>
    <message numerus="yes">
        <source>%n pages</source>
        <translation>
            <numerusform>%n página</numerusform>
            <numerusform>%n páginas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AttachmentsModel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Añadido</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>Export a copy</source>
        <translation>Exportar una copia</translation>
    </message>
    <message>
        <source>The copy will NOT be encrypted: anyone who can open the place you save it to can read it, and Redress cannot delete it for you. The export is recorded in the case&apos;s history.

Export a plaintext copy?</source>
        <translation>La copia NO estará cifrada: cualquier persona que pueda abrir el lugar donde la guarde podrá leerla, y Redress no puede borrarla por usted. La exportación queda registrada en el historial del caso.

¿Exportar una copia sin cifrar?</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Adjuntos</translation>
    </message>
    <message>
        <source>Add &amp;files…</source>
        <translation>Añadir a&amp;rchivos…</translation>
    </message>
    <message>
        <source>Add files (they are encrypted)</source>
        <translation>Añadir archivos (se cifran)</translation>
    </message>
    <message>
        <source>Add one or more files; each is encrypted into the vault (Ctrl+Shift+A)</source>
        <translation>Añadir uno o más archivos; cada uno se cifra en la bóveda (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>View the selected attachment</source>
        <translation>Ver el adjunto seleccionado</translation>
    </message>
    <message>
        <source>View inside Redress, without writing a plaintext file (Enter)</source>
        <translation>Ver dentro de Redress, sin escribir un archivo sin cifrar (Intro)</translation>
    </message>
    <message>
        <source>E&amp;xport a copy…</source>
        <translation>E&amp;xportar una copia…</translation>
    </message>
    <message>
        <source>Export a plaintext copy of the attachment</source>
        <translation>Exportar una copia sin cifrar del adjunto</translation>
    </message>
    <message>
        <source>Save a copy that is not encrypted, after a warning (Ctrl+Shift+E)</source>
        <translation>Guardar una copia sin cifrar, tras una advertencia (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>Attachments status</source>
        <translation>Estado de los adjuntos</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Añadir archivos…</translation>
    </message>
    <message>
        <source>View attachment</source>
        <translation>Ver adjunto</translation>
    </message>
    <message>
        <source>Export a copy…</source>
        <translation>Exportar una copia…</translation>
    </message>
    <message>
        <source>Add files to the case</source>
        <translation>Añadir archivos al caso</translation>
    </message>
    <message>
        <source>Adding files…</source>
        <translation>Añadiendo archivos…</translation>
    </message>
    <message>
        <source>One file added and encrypted.</source>
        <translation>Se añadió y cifró un archivo.</translation>
    </message>
    <message numerus="yes">
        <source>%n files added and encrypted.</source>
        <translation>
            <numerusform>Se añadió y cifró %n archivo.</numerusform>
            <numerusform>Se añadieron y cifraron %n archivos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled; the file being encrypted was not added.</source>
        <translation>Cancelado; el archivo que se estaba cifrando no se añadió.</translation>
    </message>
    <message>
        <source>Decrypting for viewing…</source>
        <translation>Descifrando para mostrarlo…</translation>
    </message>
    <message>
        <source>The attachment cannot be shown: %1</source>
        <translation>No se puede mostrar el adjunto: %1</translation>
    </message>
    <message>
        <source>Export a plaintext copy</source>
        <translation>Exportar una copia sin cifrar</translation>
    </message>
    <message>
        <source>Choose a place outside the vault folder for the copy.</source>
        <translation>Elija un lugar fuera de la carpeta de la bóveda para la copia.</translation>
    </message>
    <message>
        <source>Writing the copy…</source>
        <translation>Escribiendo la copia…</translation>
    </message>
    <message>
        <source>it could not be recorded in the case&apos;s history (%1)</source>
        <translation>no se pudo registrar en el historial del caso (%1)</translation>
    </message>
    <message>
        <source>A plaintext copy was saved. It is not encrypted: delete it when you no longer need it.</source>
        <translation>Se guardó una copia sin cifrar. No está cifrada: bórrela cuando ya no la necesite.</translation>
    </message>
    <message>
        <source>The copy was not saved: %1</source>
        <translation>La copia no se guardó: %1</translation>
    </message>
</context>
<context>
    <name>AuditActions</name>
    <message>
        <source>Case created</source>
        <translation>Caso creado</translation>
    </message>
    <message>
        <source>Case edited</source>
        <translation>Caso editado</translation>
    </message>
    <message>
        <source>Case deleted</source>
        <translation>Caso eliminado</translation>
    </message>
    <message>
        <source>Case exported (plaintext JSON)</source>
        <translation>Caso exportado (JSON sin cifrar)</translation>
    </message>
    <message>
        <source>Case imported</source>
        <translation>Caso importado</translation>
    </message>
    <message>
        <source>Attachment added</source>
        <translation>Adjunto añadido</translation>
    </message>
    <message>
        <source>Attachment exported</source>
        <translation>Adjunto exportado</translation>
    </message>
    <message>
        <source>Attachment removed</source>
        <translation>Adjunto quitado</translation>
    </message>
    <message>
        <source>Record entry added</source>
        <translation>Antecedente añadido</translation>
    </message>
    <message>
        <source>Record entry edited</source>
        <translation>Antecedente editado</translation>
    </message>
    <message>
        <source>Record entry removed</source>
        <translation>Antecedente quitado</translation>
    </message>
    <message>
        <source>Period of exploitation added</source>
        <translation>Período de explotación añadido</translation>
    </message>
    <message>
        <source>Period of exploitation edited</source>
        <translation>Período de explotación editado</translation>
    </message>
    <message>
        <source>Period of exploitation removed</source>
        <translation>Período de explotación quitado</translation>
    </message>
    <message>
        <source>Deadline added</source>
        <translation>Plazo añadido</translation>
    </message>
    <message>
        <source>Deadline edited</source>
        <translation>Plazo editado</translation>
    </message>
    <message>
        <source>Deadline removed</source>
        <translation>Plazo quitado</translation>
    </message>
    <message>
        <source>Deadline marked done</source>
        <translation>Plazo marcado como cumplido</translation>
    </message>
    <message>
        <source>Deadline reopened</source>
        <translation>Plazo reabierto</translation>
    </message>
    <message>
        <source>Note added</source>
        <translation>Nota añadida</translation>
    </message>
    <message>
        <source>Evidence added</source>
        <translation>Prueba añadida</translation>
    </message>
    <message>
        <source>Evidence edited</source>
        <translation>Prueba modificada</translation>
    </message>
    <message>
        <source>Evidence removed</source>
        <translation>Prueba eliminada</translation>
    </message>
    <message>
        <source>Adverse party added</source>
        <translation>Parte contraria añadida</translation>
    </message>
    <message>
        <source>Adverse party edited</source>
        <translation>Parte contraria modificada</translation>
    </message>
    <message>
        <source>Adverse party removed</source>
        <translation>Parte contraria eliminada</translation>
    </message>
    <message>
        <source>Screening run</source>
        <translation>Evaluación realizada</translation>
    </message>
    <message>
        <source>Checklist answer recorded</source>
        <translation>Respuesta de la lista de indicadores registrada</translation>
    </message>
    <message>
        <source>Name revealed during a conflict check</source>
        <translation>Nombre revelado durante una verificación de conflictos</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
</context>
<context>
    <name>CaseEditor</name>
    <message>
        <source>Reload case</source>
        <translation>Volver a cargar el caso</translation>
    </message>
    <message>
        <source>Reloading discards the edits you have not saved. Reload anyway?</source>
        <translation>Al volver a cargar se descartan los cambios que no ha guardado. ¿Volver a cargar de todos modos?</translation>
    </message>
    <message>
        <source>Parts of the case</source>
        <translation>Partes del caso</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>● Unsaved changes</source>
        <translation>● Cambios sin guardar</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Volver a cargar</translation>
    </message>
    <message>
        <source>Reload the case from the vault</source>
        <translation>Volver a cargar el caso desde la bóveda</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Save the case</source>
        <translation>Guardar el caso</translation>
    </message>
    <message>
        <source>Save every edit in one go (Ctrl+S)</source>
        <translation>Guardar todos los cambios de una vez (Ctrl+S)</translation>
    </message>
    <message>
        <source>Reload and &amp;discard my edits</source>
        <translation>Volver a cargar y &amp;descartar mis cambios</translation>
    </message>
    <message>
        <source>Reload and discard my edits</source>
        <translation>Volver a cargar y descartar mis cambios</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>&amp;Save case</source>
        <translation>&amp;Guardar caso</translation>
    </message>
    <message>
        <source>Re&amp;load case</source>
        <translation>&amp;Volver a cargar el caso</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>No se guardó nada: %1</translation>
    </message>
    <message>
        <source>This case changed elsewhere; save or reload. Your unsaved edits are kept until you choose.</source>
        <translation>Este caso cambió en otro lugar; guarde o vuelva a cargar. Sus cambios sin guardar se conservan hasta que elija.</translation>
    </message>
    <message>
        <source>This case no longer exists in the vault.</source>
        <translation>Este caso ya no existe en la bóveda.</translation>
    </message>
    <message>
        <source>Not saved:</source>
        <translation>No se guardó:</translation>
    </message>
    <message>
        <source>This case has changes that are not saved.</source>
        <translation>Este caso tiene cambios sin guardar.</translation>
    </message>
    <message>
        <source>Save them before closing?</source>
        <translation>¿Guardarlos antes de cerrar?</translation>
    </message>
</context>
<context>
    <name>CaseListView</name>
    <message>
        <source>Search names, narratives, notes, dockets…</source>
        <translation>Buscar nombres, relatos, notas, expedientes…</translation>
    </message>
    <message>
        <source>Search all cases</source>
        <translation>Buscar en todos los casos</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>Bu&amp;scar:</translation>
    </message>
    <message>
        <source>Filter by stage</source>
        <translation>Filtrar por etapa</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>Todas las etapas</translation>
    </message>
    <message>
        <source>S&amp;tage:</source>
        <translation>&amp;Etapa:</translation>
    </message>
    <message>
        <source>Filter by jurisdiction</source>
        <translation>Filtrar por jurisdicción</translation>
    </message>
    <message>
        <source>All jurisdictions</source>
        <translation>Todas las jurisdicciones</translation>
    </message>
    <message>
        <source>&amp;Jurisdiction:</source>
        <translation>&amp;Jurisdicción:</translation>
    </message>
    <message>
        <source>Filter by next deadline</source>
        <translation>Filtrar por próximo plazo</translation>
    </message>
    <message>
        <source>Any deadline</source>
        <translation>Cualquier plazo</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Vencido</translation>
    </message>
    <message>
        <source>Due within 14 days</source>
        <translation>Vence en 14 días o menos</translation>
    </message>
    <message>
        <source>Due within 60 days</source>
        <translation>Vence en 60 días o menos</translation>
    </message>
    <message>
        <source>No open deadline</source>
        <translation>Sin plazos abiertos</translation>
    </message>
    <message>
        <source>&amp;Deadline:</source>
        <translation>P&amp;lazo:</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Casos</translation>
    </message>
    <message>
        <source>Number of cases shown</source>
        <translation>Número de casos mostrados</translation>
    </message>
    <message>
        <source>Showing %1 of %2 cases</source>
        <translation>Se muestran %1 de %2 casos</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Jurisdiction</source>
        <translation>Jurisdicción</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <source>Record entries</source>
        <translation>Antecedentes</translation>
    </message>
    <message>
        <source>Next deadline</source>
        <translation>Próximo plazo</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Actualizado</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Vencido</translation>
    </message>
    <message>
        <source> (fictional)</source>
        <translation> (ficticio)</translation>
    </message>
    <message>
        <source>{date} (overdue)</source>
        <translation>{date} (vencido)</translation>
    </message>
</context>
<context>
    <name>ClientTab</name>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>&amp;Reveal legal name</source>
        <translation>&amp;Mostrar el nombre legal</translation>
    </message>
    <message>
        <source>&amp;Hide legal name</source>
        <translation>Ocultar el no&amp;mbre legal</translation>
    </message>
    <message>
        <source>The name shown in lists and window titles</source>
        <translation>El nombre que aparece en las listas y los títulos de ventana</translation>
    </message>
    <message>
        <source>One per line</source>
        <translation>Uno por línea</translation>
    </message>
    <message>
        <source>&amp;Interpreter needed</source>
        <translation>Necesita &amp;intérprete</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Interpreter language</source>
        <translation>Idioma del intérprete</translation>
    </message>
    <message>
        <source>e.g. a woman lawyer and interpreter</source>
        <translation>p. ej., una abogada y una intérprete</translation>
    </message>
    <message>
        <source>How and when it is safe to get in touch</source>
        <translation>Cómo y cuándo es seguro comunicarse</translation>
    </message>
    <message>
        <source>e.g. client interview</source>
        <translation>p. ej., entrevista con la persona cliente</translation>
    </message>
    <message>
        <source>e.g. US-NY</source>
        <translation>p. ej., US-NY</translation>
    </message>
    <message>
        <source>One person per line</source>
        <translation>Una persona por línea</translation>
    </message>
    <message>
        <source>Relief never depends on co-operation with the police or a prosecution. It is recorded only because some laws mention it.</source>
        <translation>El alivio de antecedentes nunca depende de cooperar con la policía ni con una acusación penal. Se registra solo porque algunas leyes lo mencionan.</translation>
    </message>
    <message>
        <source>&amp;Legal name *:</source>
        <translation>Nombre &amp;legal *:</translation>
    </message>
    <message>
        <source>Legal name (required)</source>
        <translation>Nombre legal (obligatorio)</translation>
    </message>
    <message>
        <source>&amp;Pseudonym *:</source>
        <translation>&amp;Seudónimo *:</translation>
    </message>
    <message>
        <source>Pseudonym (required)</source>
        <translation>Seudónimo (obligatorio)</translation>
    </message>
    <message>
        <source>&amp;Other names:</source>
        <translation>Otros &amp;nombres:</translation>
    </message>
    <message>
        <source>Preferred lan&amp;guage:</source>
        <translation>Idioma &amp;preferido:</translation>
    </message>
    <message>
        <source>&amp;Date of birth:</source>
        <translation>&amp;Fecha de nacimiento:</translation>
    </message>
    <message>
        <source>&amp;Minor at the time of the offences:</source>
        <translation>Men&amp;or de edad en la época de los delitos:</translation>
    </message>
    <message>
        <source>Interpreter:</source>
        <translation>Intérprete:</translation>
    </message>
    <message>
        <source>Interpreter needed</source>
        <translation>Necesita intérprete</translation>
    </message>
    <message>
        <source>Gender of pro&amp;fessionals:</source>
        <translation>Género de los p&amp;rofesionales:</translation>
    </message>
    <message>
        <source>Prono&amp;uns:</source>
        <translation>Pronom&amp;bres:</translation>
    </message>
    <message>
        <source>&amp;Nationality:</source>
        <translation>Nacionali&amp;dad:</translation>
    </message>
    <message>
        <source>Safe &amp;contact:</source>
        <translation>&amp;Contacto seguro:</translation>
    </message>
    <message>
        <source>Sourc&amp;e of these facts:</source>
        <translation>F&amp;uente de estos datos:</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>S&amp;tage:</source>
        <translation>E&amp;tapa:</translation>
    </message>
    <message>
        <source>&amp;Jurisdiction *:</source>
        <translation>&amp;Jurisdicción *:</translation>
    </message>
    <message>
        <source>Jurisdiction (required)</source>
        <translation>Jurisdicción (obligatoria)</translation>
    </message>
    <message>
        <source>&amp;Assigned to:</source>
        <translation>&amp;Asignado a:</translation>
    </message>
    <message>
        <source>Team:</source>
        <translation>Equipo:</translation>
    </message>
    <message>
        <source>Co-operation &amp;with police:</source>
        <translation>Coop&amp;eración con la policía:</translation>
    </message>
    <message>
        <source>Co-operation notes:</source>
        <translation>Notas sobre la cooperación:</translation>
    </message>
    <message>
        <source>* required</source>
        <translation>* obligatorio</translation>
    </message>
    <message>
        <source>Client and case details</source>
        <translation>Datos de la persona cliente y del caso</translation>
    </message>
    <message>
        <source>The client&apos;s legal name is required.</source>
        <translation>El nombre legal de la persona cliente es obligatorio.</translation>
    </message>
    <message>
        <source>A pseudonym is required.</source>
        <translation>El seudónimo es obligatorio.</translation>
    </message>
    <message>
        <source>The case&apos;s jurisdiction is required.</source>
        <translation>La jurisdicción del caso es obligatoria.</translation>
    </message>
    <message>
        <source>The date of birth</source>
        <translation>La fecha de nacimiento</translation>
    </message>
</context>
<context>
    <name>CommitDialog</name>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <source>Possible conflict</source>
        <translation>Posible conflicto</translation>
    </message>
    <message>
        <source>Matched name</source>
        <translation>Coincidencia</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>oculto</translation>
    </message>
    <message>
        <source>adverse party “%1”</source>
        <translation>la parte contraria “%1”</translation>
    </message>
    <message>
        <source>“%1”, a name variant of adverse party “%2”</source>
        <translation>“%1”, una variante del nombre de la parte contraria “%2”</translation>
    </message>
    <message>
        <source>this case&apos;s client</source>
        <translation>la persona cliente de este caso</translation>
    </message>
    <message>
        <source>another name of this case&apos;s client</source>
        <translation>otro nombre de la persona cliente de este caso</translation>
    </message>
    <message>
        <source>the client of %1 (%2)</source>
        <translation>la persona cliente de %1 (%2)</translation>
    </message>
    <message>
        <source>an adverse party (%3) of %1 (%2)</source>
        <translation>una parte contraria (%3) de %1 (%2)</translation>
    </message>
    <message>
        <source>Possible conflict: %1 matches %2 — %3</source>
        <translation>Posible conflicto: %1 coincide con %2 — %3</translation>
    </message>
    <message>
        <source>the same name</source>
        <translation>el mismo nombre</translation>
    </message>
    <message>
        <source>the same name in another order</source>
        <translation>el mismo nombre en otro orden</translation>
    </message>
    <message>
        <source>similar spelling</source>
        <translation>ortografía parecida</translation>
    </message>
    <message>
        <source>legal name</source>
        <translation>nombre legal</translation>
    </message>
    <message>
        <source>pseudonym</source>
        <translation>seudónimo</translation>
    </message>
    <message>
        <source>other name</source>
        <translation>otro nombre</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>name variant</source>
        <translation>variante del nombre</translation>
    </message>
</context>
<context>
    <name>CreateVaultDialog</name>
    <message>
        <source>Create a vault — Redress</source>
        <translation>Crear una bóveda — Redress</translation>
    </message>
    <message>
        <source>Create a new vault</source>
        <translation>Crear una bóveda nueva</translation>
    </message>
    <message>
        <source>Choose a passphrase of at least {minimum} characters. Several unrelated words are long and easy to remember. Nobody can reset it for you: if it is lost, only the recovery key shown next opens the vault.</source>
        <translation>Elija una frase de contraseña de al menos {minimum} caracteres. Varias palabras sin relación entre sí forman una frase larga y fácil de recordar. Nadie puede restablecerla por usted: si la pierde, solo la clave de recuperación que se muestra a continuación abre la bóveda.</translation>
    </message>
    <message>
        <source>Vault folder</source>
        <translation>Carpeta de la bóveda</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>E&amp;legir…</translation>
    </message>
    <message>
        <source>Choose the vault folder</source>
        <translation>Elegir la carpeta de la bóveda</translation>
    </message>
    <message>
        <source>Vault &amp;folder:</source>
        <translation>&amp;Carpeta de la bóveda:</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nueva frase de contraseña</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Frase de contraseña otra vez</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;Repetir:</translation>
    </message>
    <message>
        <source>&amp;Show the passphrase</source>
        <translation>&amp;Mostrar la frase de contraseña</translation>
    </message>
    <message>
        <source>Show the passphrase</source>
        <translation>Mostrar la frase de contraseña</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Solidez de la frase de contraseña</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Solidez:</translation>
    </message>
    <message>
        <source>Passphrase feedback</source>
        <translation>Comentarios sobre la frase de contraseña</translation>
    </message>
    <message>
        <source>Creating the vault</source>
        <translation>Creando la bóveda</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>&amp;Create vault</source>
        <translation>Cr&amp;ear bóveda</translation>
    </message>
    <message>
        <source>Create vault</source>
        <translation>Crear bóveda</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Choose a folder for the vault.</source>
        <translation>Elija una carpeta para la bóveda.</translation>
    </message>
    <message>
        <source>That is a file, not a folder. Choose a folder for the vault.</source>
        <translation>Eso es un archivo, no una carpeta. Elija una carpeta para la bóveda.</translation>
    </message>
    <message>
        <source>A vault already exists in that folder. Open it from the start screen, or choose another folder.</source>
        <translation>Ya existe una bóveda en esa carpeta. Ábrala desde la pantalla de inicio o elija otra carpeta.</translation>
    </message>
    <message>
        <source>Use at least {minimum} characters (so far {count}).</source>
        <translation>Use al menos {minimum} caracteres (por ahora, {count}).</translation>
    </message>
    <message>
        <source>Use at most {maximum} characters.</source>
        <translation>Use como máximo {maximum} caracteres.</translation>
    </message>
    <message>
        <source>This is a common passphrase that attackers try first.</source>
        <translation>Es una frase de contraseña común que los atacantes prueban primero.</translation>
    </message>
    <message>
        <source>It repeats too few different characters.</source>
        <translation>Repite muy pocos caracteres distintos.</translation>
    </message>
    <message>
        <source>Do not use the vault folder&apos;s name as its passphrase.</source>
        <translation>No use el nombre de la carpeta de la bóveda como frase de contraseña.</translation>
    </message>
    <message>
        <source>The passphrase is acceptable and both entries match.</source>
        <translation>La frase de contraseña es aceptable y ambas entradas coinciden.</translation>
    </message>
    <message>
        <source>The two entries do not match yet.</source>
        <translation>Las dos entradas todavía no coinciden.</translation>
    </message>
    <message>
        <source>The passphrase is acceptable. Type it again to confirm.</source>
        <translation>La frase de contraseña es aceptable. Escríbala otra vez para confirmarla.</translation>
    </message>
    <message>
        <source>Nothing typed yet</source>
        <translation>Todavía no se ha escrito nada</translation>
    </message>
    <message>
        <source>Not acceptable yet</source>
        <translation>Todavía no es aceptable</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Sólida</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Buena</translation>
    </message>
    <message>
        <source>Acceptable</source>
        <translation>Aceptable</translation>
    </message>
    <message>
        <source>Choose where to keep the vault</source>
        <translation>Elija dónde guardar la bóveda</translation>
    </message>
    <message>
        <source>That folder holds other files, so the vault goes in a new folder inside it.</source>
        <translation>Esa carpeta contiene otros archivos, así que la bóveda se crea en una carpeta nueva dentro de ella.</translation>
    </message>
    <message>
        <source>Creating the vault… this takes a moment.</source>
        <translation>Creando la bóveda… esto tarda un momento.</translation>
    </message>
    <message>
        <source>The vault has been created.</source>
        <translation>Se creó la bóveda.</translation>
    </message>
    <message>
        <source>The vault was not created: {reason}</source>
        <translation>No se creó la bóveda: {reason}</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>&lt;b&gt;Needs attention&lt;/b&gt;</source>
        <translation>&lt;b&gt;Requiere atención&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Show cases with overdue deadlines</source>
        <translation>Mostrar los casos con plazos vencidos</translation>
    </message>
    <message>
        <source>Show cases with deadlines in 14 days</source>
        <translation>Mostrar los casos con plazos en los próximos 14 días</translation>
    </message>
    <message>
        <source>Show new cases awaiting screening</source>
        <translation>Mostrar los casos nuevos pendientes de evaluación</translation>
    </message>
    <message>
        <source>Upcoming and overdue deadlines</source>
        <translation>Plazos próximos y vencidos</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) with overdue deadlines</source>
        <translation>
            <numerusform>%n caso con plazos vencidos</numerusform>
            <numerusform>%n casos con plazos vencidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) due within 14 days</source>
        <translation>
            <numerusform>%n caso con vencimiento en 14 días o menos</numerusform>
            <numerusform>%n casos con vencimiento en 14 días o menos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new case(s) to screen</source>
        <translation>
            <numerusform>%n caso nuevo por evaluar</numerusform>
            <numerusform>%n casos nuevos por evaluar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>e.g. %1</source>
        <translation>p. ej., %1</translation>
    </message>
    <message>
        <source>A date such as %1, or empty when unknown</source>
        <translation>Una fecha como %1, o vacío si se desconoce</translation>
    </message>
    <message>
        <source>%1 is not a valid date (for example %2).</source>
        <translation>%1 no es una fecha válida (por ejemplo, %2).</translation>
    </message>
    <message>
        <source>Not a valid date</source>
        <translation>No es una fecha válida</translation>
    </message>
</context>
<context>
    <name>DeadlineDialog</name>
    <message>
        <source>Edit deadline</source>
        <translation>Editar plazo</translation>
    </message>
    <message>
        <source>Add deadline</source>
        <translation>Añadir plazo</translation>
    </message>
    <message>
        <source>e.g. 30 days after the disposition</source>
        <translation>p. ej., 30 días después de la resolución</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>D&amp;one</source>
        <translation>Cu&amp;mplido</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Cumplido</translation>
    </message>
    <message>
        <source>&amp;Due date *:</source>
        <translation>Fecha de &amp;vencimiento *:</translation>
    </message>
    <message>
        <source>Due date (required)</source>
        <translation>Fecha de vencimiento (obligatoria)</translation>
    </message>
    <message>
        <source>&amp;Title *:</source>
        <translation>&amp;Título *:</translation>
    </message>
    <message>
        <source>Title (required)</source>
        <translation>Título (obligatorio)</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>T&amp;ipo:</translation>
    </message>
    <message>
        <source>&amp;Basis:</source>
        <translation>&amp;Fundamento:</translation>
    </message>
    <message>
        <source>&amp;Citation:</source>
        <translation>&amp;Cita legal:</translation>
    </message>
    <message>
        <source>&amp;Record entry:</source>
        <translation>&amp;Antecedente:</translation>
    </message>
    <message>
        <source>The due date</source>
        <translation>La fecha de vencimiento</translation>
    </message>
    <message>
        <source>The due date is required.</source>
        <translation>La fecha de vencimiento es obligatoria.</translation>
    </message>
    <message>
        <source>The title is required.</source>
        <translation>El título es obligatorio.</translation>
    </message>
</context>
<context>
    <name>DeadlineTableModel</name>
    <message>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Plazo</translation>
    </message>
    <message numerus="yes">
        <source>Overdue by %n day(s)</source>
        <translation>
            <numerusform>Vencido hace %n día</numerusform>
            <numerusform>Vencido hace %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Vence hoy</translation>
    </message>
    <message numerus="yes">
        <source>In %n day(s)</source>
        <translation>
            <numerusform>En %n día</numerusform>
            <numerusform>En %n días</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeadlinesModel</name>
    <message>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>Fundamento</translation>
    </message>
    <message>
        <source>Citation</source>
        <translation>Cita legal</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Cumplido</translation>
    </message>
    <message numerus="yes">
        <source>Overdue by %n day(s)</source>
        <translation>
            <numerusform>Vencido hace %n día</numerusform>
            <numerusform>Vencido hace %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Vence hoy</translation>
    </message>
    <message numerus="yes">
        <source>In %n day(s)</source>
        <translation>
            <numerusform>En %n día</numerusform>
            <numerusform>En %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>DeadlinesTab</name>
    <message>
        <source>Deadlines</source>
        <translation>Plazos</translation>
    </message>
    <message>
        <source>Remove deadline</source>
        <translation>Quitar plazo</translation>
    </message>
    <message>
        <source>deadline</source>
        <translation>plazo</translation>
    </message>
    <message>
        <source>Mark &amp;done</source>
        <translation>Marcar como cu&amp;mplido</translation>
    </message>
    <message>
        <source>Mark the selected deadline done or open</source>
        <translation>Marcar el plazo seleccionado como cumplido o abierto</translation>
    </message>
    <message>
        <source>Mark done or open again (Ctrl+D)</source>
        <translation>Marcar como cumplido o volver a abrir (Ctrl+D)</translation>
    </message>
    <message>
        <source>Re&amp;open</source>
        <translation>Rea&amp;brir</translation>
    </message>
    <message>
        <source>Remove this deadline?</source>
        <translation>¿Quitar este plazo?</translation>
    </message>
</context>
<context>
    <name>EntriesTab</name>
    <message>
        <source>Record entries</source>
        <translation>Antecedentes</translation>
    </message>
    <message>
        <source>Remove record entry</source>
        <translation>Quitar antecedente</translation>
    </message>
    <message>
        <source>entry</source>
        <translation>antecedente</translation>
    </message>
    <message>
        <source>Remove this record entry (%1)? Its nexus narrative and evidence links go with it.</source>
        <translation>¿Quitar este antecedente (%1)? Se eliminan también su relato de nexo y sus vínculos con las pruebas.</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>Edit record entry</source>
        <translation>Editar antecedente</translation>
    </message>
    <message>
        <source>Add record entry</source>
        <translation>Añadir antecedente</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Kind of record (required)</source>
        <translation>Tipo de antecedente (obligatorio)</translation>
    </message>
    <message>
        <source>As written on the record</source>
        <translation>Tal como figura en el registro</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>p. ej., %1</translation>
    </message>
    <message>
        <source>e.g. USD</source>
        <translation>p. ej., USD</translation>
    </message>
    <message>
        <source>Currency of the fines</source>
        <translation>Moneda de las multas</translation>
    </message>
    <message>
        <source>e.g. court record</source>
        <translation>p. ej., registro judicial</translation>
    </message>
    <message>
        <source>&amp;Kind *:</source>
        <translation>&amp;Tipo *:</translation>
    </message>
    <message>
        <source>&amp;Jurisdiction *:</source>
        <translation>&amp;Jurisdicción *:</translation>
    </message>
    <message>
        <source>Jurisdiction (required)</source>
        <translation>Jurisdicción (obligatoria)</translation>
    </message>
    <message>
        <source>C&amp;ourt:</source>
        <translation>T&amp;ribunal:</translation>
    </message>
    <message>
        <source>Dock&amp;et:</source>
        <translation>&amp;Expediente:</translation>
    </message>
    <message>
        <source>S&amp;tatute:</source>
        <translation>&amp;Norma:</translation>
    </message>
    <message>
        <source>O&amp;ffence *:</source>
        <translation>&amp;Delito *:</translation>
    </message>
    <message>
        <source>Offence (required)</source>
        <translation>Delito (obligatorio)</translation>
    </message>
    <message>
        <source>Cate&amp;gory:</source>
        <translation>&amp;Categoría:</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>Ni&amp;vel:</translation>
    </message>
    <message>
        <source>&amp;Arrest date:</source>
        <translation>Fecha de &amp;arresto:</translation>
    </message>
    <message>
        <source>C&amp;harge date:</source>
        <translation>Fecha de ac&amp;usación:</translation>
    </message>
    <message>
        <source>&amp;Disposition:</source>
        <translation>Re&amp;solución:</translation>
    </message>
    <message>
        <source>Dis&amp;position date:</source>
        <translation>Fec&amp;ha de resolución:</translation>
    </message>
    <message>
        <source>Se&amp;ntence:</source>
        <translation>&amp;Pena:</translation>
    </message>
    <message>
        <source>F&amp;ines owed:</source>
        <translation>&amp;Multas adeudadas:</translation>
    </message>
    <message>
        <source>So&amp;urce:</source>
        <translation>&amp;Fuente:</translation>
    </message>
    <message>
        <source>* required</source>
        <translation>* obligatorio</translation>
    </message>
    <message>
        <source>Choose the kind of record.</source>
        <translation>Elija el tipo de antecedente.</translation>
    </message>
    <message>
        <source>The jurisdiction is required.</source>
        <translation>La jurisdicción es obligatoria.</translation>
    </message>
    <message>
        <source>The offence is required.</source>
        <translation>El delito es obligatorio.</translation>
    </message>
    <message>
        <source>The arrest date</source>
        <translation>La fecha de arresto</translation>
    </message>
    <message>
        <source>The charge date</source>
        <translation>La fecha de acusación</translation>
    </message>
    <message>
        <source>The disposition date</source>
        <translation>La fecha de resolución</translation>
    </message>
    <message>
        <source>The disposition date is before the arrest date.</source>
        <translation>La fecha de resolución es anterior a la fecha de arresto.</translation>
    </message>
    <message>
        <source>The charge date is before the arrest date.</source>
        <translation>La fecha de acusación es anterior a la fecha de arresto.</translation>
    </message>
    <message>
        <source>Fines owed must be an amount of zero or more.</source>
        <translation>Las multas adeudadas deben ser un importe de cero o más.</translation>
    </message>
    <message>
        <source>The currency is a three-letter code, e.g. USD.</source>
        <translation>La moneda es un código de tres letras, p. ej., USD.</translation>
    </message>
    <message>
        <source>Give the currency of the fines.</source>
        <translation>Indique la moneda de las multas.</translation>
    </message>
</context>
<context>
    <name>EntryListModel</name>
    <message>
        <source>Record entry</source>
        <translation>Antecedente</translation>
    </message>
    <message>
        <source>nexus written</source>
        <translation>nexo redactado</translation>
    </message>
    <message>
        <source>no nexus</source>
        <translation>sin nexo</translation>
    </message>
</context>
<context>
    <name>EnumLabels</name>
    <message>
        <source>Intake</source>
        <translation>Admisión</translation>
    </message>
    <message>
        <source>Screening</source>
        <translation>Evaluación</translation>
    </message>
    <message>
        <source>Drafting</source>
        <translation>Redacción</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>Presentado</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Resuelto</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <source>Sexual exploitation</source>
        <translation>Explotación sexual</translation>
    </message>
    <message>
        <source>Forced labour</source>
        <translation>Trabajo forzoso</translation>
    </message>
    <message>
        <source>Domestic servitude</source>
        <translation>Servidumbre doméstica</translation>
    </message>
    <message>
        <source>Forced criminality</source>
        <translation>Criminalidad forzada</translation>
    </message>
    <message>
        <source>Forced begging</source>
        <translation>Mendicidad forzada</translation>
    </message>
    <message>
        <source>Forced marriage</source>
        <translation>Matrimonio forzado</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Intimate partner</source>
        <translation>Pareja íntima</translation>
    </message>
    <message>
        <source>Family member</source>
        <translation>Familiar</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Empleador</translation>
    </message>
    <message>
        <source>Recruiter</source>
        <translation>Reclutador</translation>
    </message>
    <message>
        <source>Stranger</source>
        <translation>Persona desconocida</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Se desconoce</translation>
    </message>
    <message>
        <source>Criminal</source>
        <translation>Penal</translation>
    </message>
    <message>
        <source>Immigration</source>
        <translation>Migratorio</translation>
    </message>
    <message>
        <source>Administrative</source>
        <translation>Administrativo</translation>
    </message>
    <message>
        <source>Civil</source>
        <translation>Civil</translation>
    </message>
    <message>
        <source>Felony</source>
        <translation>Delito grave (felony)</translation>
    </message>
    <message>
        <source>Misdemeanor</source>
        <translation>Delito menor (misdemeanor)</translation>
    </message>
    <message>
        <source>Violation</source>
        <translation>Contravención (violation)</translation>
    </message>
    <message>
        <source>Infraction</source>
        <translation>Infracción</translation>
    </message>
    <message>
        <source>Indictable</source>
        <translation>Delito procesable por acusación formal (indictable)</translation>
    </message>
    <message>
        <source>Either way</source>
        <translation>Mixto (either way)</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Sumario (summary)</translation>
    </message>
    <message>
        <source>Prostitution</source>
        <translation>Prostitución</translation>
    </message>
    <message>
        <source>Loitering</source>
        <translation>Merodeo</translation>
    </message>
    <message>
        <source>Drugs</source>
        <translation>Drogas</translation>
    </message>
    <message>
        <source>Cannabis cultivation</source>
        <translation>Cultivo de cannabis</translation>
    </message>
    <message>
        <source>Theft</source>
        <translation>Hurto</translation>
    </message>
    <message>
        <source>Fraud</source>
        <translation>Fraude</translation>
    </message>
    <message>
        <source>False documents</source>
        <translation>Documentos falsos</translation>
    </message>
    <message>
        <source>Begging</source>
        <translation>Mendicidad</translation>
    </message>
    <message>
        <source>Trespass</source>
        <translation>Allanamiento</translation>
    </message>
    <message>
        <source>Public order</source>
        <translation>Orden público</translation>
    </message>
    <message>
        <source>Weapons</source>
        <translation>Armas</translation>
    </message>
    <message>
        <source>Violence</source>
        <translation>Violencia</translation>
    </message>
    <message>
        <source>Money laundering</source>
        <translation>Lavado de dinero</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Tránsito</translation>
    </message>
    <message>
        <source>Licensing</source>
        <translation>Licencias</translation>
    </message>
    <message>
        <source>Debt</source>
        <translation>Deudas</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Convicted (plea)</source>
        <translation>Condena (declaración de culpabilidad)</translation>
    </message>
    <message>
        <source>Convicted (trial)</source>
        <translation>Condena (juicio)</translation>
    </message>
    <message>
        <source>Adjourned in contemplation of dismissal</source>
        <translation>Aplazamiento con miras al sobreseimiento (ACD)</translation>
    </message>
    <message>
        <source>Diverted</source>
        <translation>Derivación a un programa alternativo</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Sobreseimiento</translation>
    </message>
    <message>
        <source>Acquitted</source>
        <translation>Absolución</translation>
    </message>
    <message>
        <source>Caution</source>
        <translation>Amonestación</translation>
    </message>
    <message>
        <source>Penalty imposed</source>
        <translation>Sanción impuesta</translation>
    </message>
    <message>
        <source>Removal order</source>
        <translation>Orden de expulsión</translation>
    </message>
    <message>
        <source>Voluntary departure</source>
        <translation>Salida voluntaria</translation>
    </message>
    <message>
        <source>Civil judgment</source>
        <translation>Sentencia civil</translation>
    </message>
    <message>
        <source>No action</source>
        <translation>Sin actuaciones</translation>
    </message>
    <message>
        <source>Co-operated</source>
        <translation>Cooperó</translation>
    </message>
    <message>
        <source>Did not co-operate</source>
        <translation>No cooperó</translation>
    </message>
    <message>
        <source>Declined to co-operate</source>
        <translation>Se negó a cooperar</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>No se le solicitó</translation>
    </message>
    <message>
        <source>Filing</source>
        <translation>Presentación</translation>
    </message>
    <message>
        <source>Hearing</source>
        <translation>Audiencia</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>Limitation period</source>
        <translation>Plazo de prescripción</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Interno</translation>
    </message>
    <message>
        <source>Court record</source>
        <translation>Registro judicial</translation>
    </message>
    <message>
        <source>Police report</source>
        <translation>Informe policial</translation>
    </message>
    <message>
        <source>Declaration</source>
        <translation>Declaración</translation>
    </message>
    <message>
        <source>Expert report</source>
        <translation>Informe pericial</translation>
    </message>
    <message>
        <source>Medical record</source>
        <translation>Historia clínica</translation>
    </message>
    <message>
        <source>Pay record</source>
        <translation>Registro de pagos</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Fotografía</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>Testigo</translation>
    </message>
    <message>
        <source>Immigration record</source>
        <translation>Registro migratorio</translation>
    </message>
    <message>
        <source>Official letter</source>
        <translation>Carta oficial</translation>
    </message>
    <message>
        <source>Trafficker</source>
        <translation>Tratante</translation>
    </message>
    <message>
        <source>Associate</source>
        <translation>Asociado</translation>
    </message>
    <message>
        <source>Controller</source>
        <translation>Controlador</translation>
    </message>
    <message>
        <source>T visa</source>
        <translation>Visa T</translation>
    </message>
    <message>
        <source>T visa bona fide determination</source>
        <translation>Determinación de buena fe (visa T)</translation>
    </message>
    <message>
        <source>Continued presence</source>
        <translation>Presencia continuada (Continued Presence)</translation>
    </message>
    <message>
        <source>HHS certification letter</source>
        <translation>Carta de certificación del HHS</translation>
    </message>
    <message>
        <source>HHS eligibility letter</source>
        <translation>Carta de elegibilidad del HHS</translation>
    </message>
    <message>
        <source>Law-enforcement declaration</source>
        <translation>Declaración de las fuerzas del orden</translation>
    </message>
    <message>
        <source>U visa</source>
        <translation>Visa U</translation>
    </message>
    <message>
        <source>NRM reasonable grounds</source>
        <translation>NRM: motivos razonables</translation>
    </message>
    <message>
        <source>NRM conclusive grounds</source>
        <translation>NRM: motivos concluyentes</translation>
    </message>
    <message>
        <source>Court finding</source>
        <translation>Determinación judicial</translation>
    </message>
    <message>
        <source>Service-provider letter</source>
        <translation>Carta de un proveedor de servicios</translation>
    </message>
    <message>
        <source>National identification</source>
        <translation>Identificación nacional</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>the vault is locked</source>
        <translation>la bóveda está bloqueada</translation>
    </message>
    <message>
        <source>adding the files was cancelled</source>
        <translation>se canceló la incorporación de los archivos</translation>
    </message>
    <message>
        <source>that attachment no longer exists</source>
        <translation>ese adjunto ya no existe</translation>
    </message>
    <message>
        <source>that deadline no longer exists</source>
        <translation>ese plazo ya no existe</translation>
    </message>
    <message>
        <source>that record entry no longer exists</source>
        <translation>ese antecedente ya no existe</translation>
    </message>
    <message>
        <source>a linked record entry no longer exists</source>
        <translation>un antecedente vinculado ya no existe</translation>
    </message>
    <message>
        <source>the chosen attachment no longer exists</source>
        <translation>el adjunto elegido ya no existe</translation>
    </message>
    <message>
        <source>that evidence no longer exists</source>
        <translation>esa prueba ya no existe</translation>
    </message>
    <message>
        <source>this case no longer exists in the vault</source>
        <translation>este caso ya no existe en la bóveda</translation>
    </message>
    <message>
        <source>that adverse party no longer exists</source>
        <translation>esa parte contraria ya no existe</translation>
    </message>
    <message>
        <source>that period no longer exists</source>
        <translation>ese período ya no existe</translation>
    </message>
    <message>
        <source>the vault database reported a %1; it may be damaged or the disk full. Run a check of the vault.</source>
        <translation>la base de datos de la bóveda informó un error %1; puede estar dañada o el disco lleno. Ejecute una verificación de la bóveda.</translation>
    </message>
    <message>
        <source>a file could not be read or written (%1)</source>
        <translation>no se pudo leer o escribir un archivo (%1)</translation>
    </message>
    <message>
        <source>an unexpected error occurred (%1); no case data was shown</source>
        <translation>ocurrió un error inesperado (%1); no se mostró ningún dato del caso</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <source>Edit evidence</source>
        <translation>Editar prueba</translation>
    </message>
    <message>
        <source>Add evidence</source>
        <translation>Añadir prueba</translation>
    </message>
    <message>
        <source>e.g. Certificate of disposition</source>
        <translation>p. ej., Certificado de resolución</translation>
    </message>
    <message>
        <source>e.g. client, court clerk, our office</source>
        <translation>p. ej., la persona cliente, la secretaría del tribunal, nuestra oficina</translation>
    </message>
    <message>
        <source>Facts it supports, one per line</source>
        <translation>Hechos que respalda, uno por línea</translation>
    </message>
    <message>
        <source>Record entries this evidence concerns</source>
        <translation>Antecedentes a los que se refiere esta prueba</translation>
    </message>
    <message>
        <source>Space ticks or clears the selected entry</source>
        <translation>La barra espaciadora marca o desmarca el antecedente seleccionado</translation>
    </message>
    <message>
        <source>This case has no record entries yet.</source>
        <translation>Este caso todavía no tiene antecedentes.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>&amp;Title *:</source>
        <translation>&amp;Título *:</translation>
    </message>
    <message>
        <source>Title (required)</source>
        <translation>Título (obligatorio)</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>T&amp;ipo:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <source>&amp;Held by:</source>
        <translation>&amp;En poder de:</translation>
    </message>
    <message>
        <source>&amp;Attachment:</source>
        <translation>&amp;Adjunto:</translation>
    </message>
    <message>
        <source>De&amp;scription:</source>
        <translation>&amp;Descripción:</translation>
    </message>
    <message>
        <source>&amp;Supports:</source>
        <translation>&amp;Hechos que respalda:</translation>
    </message>
    <message>
        <source>Concerns these &amp;record entries:</source>
        <translation>Se refiere a estos a&amp;ntecedentes:</translation>
    </message>
    <message>
        <source>* required</source>
        <translation>* obligatorio</translation>
    </message>
    <message>
        <source>The title is required.</source>
        <translation>El título es obligatorio.</translation>
    </message>
    <message>
        <source>The date</source>
        <translation>La fecha</translation>
    </message>
</context>
<context>
    <name>EvidenceModel</name>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>En poder de</translation>
    </message>
    <message>
        <source>Linked record entries</source>
        <translation>Antecedentes vinculados</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>Adjunto</translation>
    </message>
    <message>
        <source>Supports:</source>
        <translation>Respalda:</translation>
    </message>
</context>
<context>
    <name>EvidenceTab</name>
    <message>
        <source>Evidence and attachments</source>
        <translation>Pruebas y adjuntos</translation>
    </message>
    <message>
        <source>Remove evidence</source>
        <translation>Quitar prueba</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Pruebas</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>prueba</translation>
    </message>
    <message>
        <source>Attachments (encrypted in the vault)</source>
        <translation>Adjuntos (cifrados en la bóveda)</translation>
    </message>
    <message>
        <source>Remove the evidence “%1”? Its links to record entries go with it; its attachment stays in the case.</source>
        <translation>¿Quitar la prueba “%1”? Se eliminan también sus vínculos con los antecedentes; su adjunto permanece en el caso.</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Audit history</source>
        <translation>Historial de auditoría</translation>
    </message>
    <message>
        <source>Audit log check</source>
        <translation>Verificación del registro de auditoría</translation>
    </message>
    <message>
        <source>Who did what to this case, and when. The log records actions, never case content, and each entry is chained to the one before so that changes show.</source>
        <translation>Quién hizo qué en este caso, y cuándo. El registro guarda acciones, nunca el contenido del caso, y cada entrada está encadenada a la anterior para que cualquier cambio se note.</translation>
    </message>
    <message>
        <source>The audit log is checked when this tab is shown.</source>
        <translation>El registro de auditoría se verifica cuando se muestra esta pestaña.</translation>
    </message>
    <message>
        <source>Checking the audit log…</source>
        <translation>Verificando el registro de auditoría…</translation>
    </message>
    <message numerus="yes">
        <source>✓ The audit log is intact: %n entries checked across the vault.</source>
        <translation>
            <numerusform>✓ El registro de auditoría está intacto: se verificó %n entrada en toda la bóveda.</numerusform>
            <numerusform>✓ El registro de auditoría está intacto: se verificaron %n entradas en toda la bóveda.</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ The audit log failed its check: %1. Run a check of the vault and consider restoring a backup.</source>
        <translation>⚠ El registro de auditoría no superó la verificación: %1. Ejecute una verificación de la bóveda y considere restaurar una copia de seguridad.</translation>
    </message>
    <message>
        <source>⚠ The audit log could not be checked: %1</source>
        <translation>⚠ No se pudo verificar el registro de auditoría: %1</translation>
    </message>
</context>
<context>
    <name>IndicatorsTab</name>
    <message>
        <source>Indicators</source>
        <translation>Indicadores</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>No preguntado</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Se desconoce</translation>
    </message>
    <message>
        <source>Show only &amp;unanswered</source>
        <translation>Mostrar solo las &amp;no respondidas</translation>
    </message>
    <message>
        <source>Show only unanswered</source>
        <translation>Mostrar solo las no respondidas</translation>
    </message>
    <message>
        <source>Questions left &apos;Not asked&apos; can be answered later; no question is forced</source>
        <translation>Las preguntas que quedan como «No preguntado» pueden responderse más tarde; ninguna pregunta es obligatoria</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Respondidas</translation>
    </message>
    <message>
        <source>Indicator checklists</source>
        <translation>Listas de indicadores</translation>
    </message>
    <message>
        <source>How the client was controlled (indicators answered Yes):</source>
        <translation>Cómo se controló a la persona cliente (indicadores respondidos con Sí):</translation>
    </message>
    <message>
        <source>Means summary</source>
        <translation>Resumen de los medios</translation>
    </message>
    <message>
        <source>%1 of %2 answered</source>
        <translation>%1 de %2 respondidas</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(ninguno todavía)</translation>
    </message>
</context>
<context>
    <name>LockedView</name>
    <message>
        <source>&lt;h2&gt;The vault is locked&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;La bóveda está bloqueada&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&amp;Unlock…</source>
        <translation>&amp;Desbloquear…</translation>
    </message>
    <message>
        <source>Unlock the vault</source>
        <translation>Desbloquear la bóveda</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Cases and open case files</source>
        <translation>Casos y expedientes abiertos</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Casos</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>&amp;Lock vault</source>
        <translation>&amp;Bloquear bóveda</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Bloquear ahora</translation>
    </message>
    <message>
        <source>&amp;Quick exit</source>
        <translation>Salida &amp;rápida</translation>
    </message>
    <message>
        <source>Hide every window and lock at once</source>
        <translation>Ocultar todas las ventanas y bloquear de inmediato</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;New case…</source>
        <translation>&amp;Nuevo caso…</translation>
    </message>
    <message>
        <source>&amp;Open selected case</source>
        <translation>&amp;Abrir el caso seleccionado</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Buscar…</translation>
    </message>
    <message>
        <source>&amp;Reveal legal names</source>
        <translation>&amp;Mostrar nombres legales</translation>
    </message>
    <message>
        <source>Show legal names</source>
        <translation>Mostrar nombres legales</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Ac&amp;tualizar</translation>
    </message>
    <message>
        <source>&amp;Close case</source>
        <translation>&amp;Cerrar caso</translation>
    </message>
    <message>
        <source>&amp;Auto-lock delay…</source>
        <translation>Tiempo de &amp;bloqueo automático…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>&amp;About Redress</source>
        <translation>A&amp;cerca de Redress</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barra de herramientas principal</translation>
    </message>
    <message>
        <source>&amp;Vault</source>
        <translation>&amp;Bóveda</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Caso</translation>
    </message>
    <message>
        <source>V&amp;iew</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Preferencias</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Bloqueada</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>Desbloqueada</translation>
    </message>
    <message>
        <source>&lt;h2&gt;The vault is locked&lt;/h2&gt;&lt;p&gt;Edits that could not be saved were discarded in: %1&lt;/p&gt;</source>
        <translation>&lt;h2&gt;La bóveda está bloqueada&lt;/h2&gt;&lt;p&gt;Se descartaron los cambios que no se pudieron guardar en: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;The vault is locked&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;La bóveda está bloqueada&lt;/h2&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) in the vault</source>
        <translation>
            <numerusform>%n caso en la bóveda</numerusform>
            <numerusform>%n casos en la bóveda</numerusform>
        </translation>
    </message>
    <message>
        <source>Redress</source>
        <translation>Redress</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Auto-lock — Redress</source>
        <translation>Bloqueo automático — Redress</translation>
    </message>
    <message>
        <source>Lock the vault after this many minutes without use:</source>
        <translation>Bloquear la bóveda tras esta cantidad de minutos sin uso:</translation>
    </message>
    <message>
        <source>Keyboard shortcuts — Redress</source>
        <translation>Atajos de teclado — Redress</translation>
    </message>
    <message>
        <source>About Redress</source>
        <translation>Acerca de Redress</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Redress %1&lt;/h3&gt;&lt;p&gt;Encrypted, offline case work for lawyers who represent survivors of human trafficking. Redress opens no network connection.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Redress %1&lt;/h3&gt;&lt;p&gt;Gestión de casos cifrada y sin conexión para abogadas y abogados que representan a sobrevivientes de trata de personas. Redress no abre ninguna conexión de red.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MissingEvidenceModel</name>
    <message>
        <source>Missing evidence</source>
        <translation>Pruebas que faltan</translation>
    </message>
    <message>
        <source>Open the evidence tab</source>
        <translation>Abrir la pestaña de pruebas</translation>
    </message>
</context>
<context>
    <name>ModelErrors</name>
    <message>
        <source>wrong passphrase: the vault is unchanged; check the keyboard layout and Caps Lock</source>
        <translation>frase de contraseña incorrecta: la bóveda no ha cambiado; revise la distribución del teclado y las mayúsculas</translation>
    </message>
    <message>
        <source>that recovery key does not open this vault</source>
        <translation>esa clave de recuperación no abre esta bóveda</translation>
    </message>
    <message>
        <source>this device&apos;s keychain entry does not open this vault; use the passphrase</source>
        <translation>la entrada del llavero de este equipo no abre esta bóveda; use la frase de contraseña</translation>
    </message>
    <message>
        <source>this vault is already open in another Redress window or process; close it there first (nothing was changed)</source>
        <translation>esta bóveda ya está abierta en otra ventana o proceso de Redress; ciérrela allí primero (no se cambió nada)</translation>
    </message>
    <message>
        <source>the vault database is damaged (a page failed its integrity check); nothing was changed. Restore the newest backup from the vault&apos;s backups folder</source>
        <translation>la base de datos de la bóveda está dañada (una página no superó la verificación de integridad); no se cambió nada. Restaure la copia de seguridad más reciente de la carpeta de copias de la bóveda</translation>
    </message>
    <message>
        <source>an attachment needs a file name</source>
        <translation>un adjunto necesita un nombre de archivo</translation>
    </message>
    <message>
        <source>an attachment&apos;s encrypted file is missing from the vault</source>
        <translation>falta en la bóveda el archivo cifrado de un adjunto</translation>
    </message>
    <message>
        <source>the backup failed its integrity check; nothing was changed</source>
        <translation>la copia de seguridad no superó la verificación de integridad; no se cambió nada</translation>
    </message>
    <message>
        <source>no case with that id or reference in this vault</source>
        <translation>no hay ningún caso con ese identificador o referencia en esta bóveda</translation>
    </message>
    <message>
        <source>the vault database cannot be read: it is damaged, or it does not belong to this key file</source>
        <translation>no se puede leer la base de datos de la bóveda: está dañada o no corresponde a este archivo de claves</translation>
    </message>
    <message>
        <source>that is not a recovery key: it should be 40 letters and digits in groups of four</source>
        <translation>eso no es una clave de recuperación: debe tener 40 letras y dígitos en grupos de cuatro</translation>
    </message>
    <message>
        <source>the recovery key looks mistyped: its checksum does not match</source>
        <translation>parece que la clave de recuperación está mal escrita: su suma de verificación no coincide</translation>
    </message>
    <message>
        <source>the key-slot file is damaged (wrapped key has the wrong size)</source>
        <translation>el archivo de claves está dañado (la clave envuelta tiene un tamaño incorrecto)</translation>
    </message>
    <message>
        <source>the key-slot file is damaged (unknown KDF)</source>
        <translation>el archivo de claves está dañado (función de derivación desconocida)</translation>
    </message>
    <message>
        <source>this is not a Redress key-slot file</source>
        <translation>este no es un archivo de claves de Redress</translation>
    </message>
    <message>
        <source>the key-slot file is damaged (missing fields)</source>
        <translation>el archivo de claves está dañado (faltan campos)</translation>
    </message>
    <message>
        <source>the passphrase slot&apos;s salt is not 16 bytes; refusing</source>
        <translation>la sal de la ranura de la frase de contraseña no tiene 16 bytes; se rechaza</translation>
    </message>
    <message>
        <source>the key-slot file is damaged (unknown passphrase KDF)</source>
        <translation>el archivo de claves está dañado (derivación de la frase de contraseña desconocida)</translation>
    </message>
    <message>
        <source>the key-slot file is damaged (KDF parameters)</source>
        <translation>el archivo de claves está dañado (parámetros de derivación)</translation>
    </message>
    <message>
        <source>the key-slot file is damaged (unknown slot)</source>
        <translation>el archivo de claves está dañado (ranura desconocida)</translation>
    </message>
    <message>
        <source>the key-slot file is damaged (slot without KDF)</source>
        <translation>el archivo de claves está dañado (ranura sin derivación)</translation>
    </message>
    <message>
        <source>the key-slot file has been altered (its authentication code does not match)</source>
        <translation>el archivo de claves ha sido alterado (su código de autenticación no coincide)</translation>
    </message>
    <message>
        <source>the vault&apos;s key-slot file is missing</source>
        <translation>falta el archivo de claves de la bóveda</translation>
    </message>
    <message>
        <source>the key-slot file is damaged (not valid JSON)</source>
        <translation>el archivo de claves está dañado (no es JSON válido)</translation>
    </message>
    <message>
        <source>this vault was written by a newer version of Redress; update Redress to open it (nothing was changed)</source>
        <translation>esta bóveda fue escrita por una versión más reciente de Redress; actualice Redress para abrirla (no se cambió nada)</translation>
    </message>
    <message>
        <source>this device is not enrolled for this vault; use the passphrase</source>
        <translation>este equipo no está registrado para esta bóveda; use la frase de contraseña</translation>
    </message>
    <message>
        <source>this device&apos;s keychain has no key for this vault (the keychain may have changed); use the passphrase</source>
        <translation>el llavero de este equipo no tiene clave para esta bóveda (puede que el llavero haya cambiado); use la frase de contraseña</translation>
    </message>
    <message>
        <source>the vault is locked</source>
        <translation>la bóveda está bloqueada</translation>
    </message>
    <message>
        <source>a vault already exists there; it was left untouched</source>
        <translation>ya existe una bóveda ahí; no se ha tocado</translation>
    </message>
    <message>
        <source>there is no Redress vault at that location</source>
        <translation>no hay ninguna bóveda de Redress en esa ubicación</translation>
    </message>
    <message>
        <source>the vault&apos;s database file is missing; restore it from a backup</source>
        <translation>falta el archivo de base de datos de la bóveda; restáurelo desde una copia de seguridad</translation>
    </message>
    <message>
        <source>the vault&apos;s database file is empty; restore it from a backup (nothing was changed)</source>
        <translation>el archivo de base de datos de la bóveda está vacío; restáurelo desde una copia de seguridad (no se cambió nada)</translation>
    </message>
    <message>
        <source>the database and the key-slot file belong to different vaults</source>
        <translation>la base de datos y el archivo de claves pertenecen a bóvedas distintas</translation>
    </message>
    <message>
        <source>the keychain did not keep the secret; not enrolled</source>
        <translation>el llavero no conservó el secreto; no se registró</translation>
    </message>
    <message>
        <source>the vault has no passphrase slot; use the recovery key</source>
        <translation>la bóveda no tiene ranura de frase de contraseña; use la clave de recuperación</translation>
    </message>
    <message>
        <source>this vault has no recovery key slot</source>
        <translation>esta bóveda no tiene ranura de clave de recuperación</translation>
    </message>
    <message>
        <source>the vault&apos;s key-slot file is missing; restore keyslots.json from a copy or open the database with the data key (docs/recovery.md)</source>
        <translation>falta el archivo de claves de la bóveda; restaure keyslots.json desde una copia o abra la base de datos con la clave de datos (docs/recovery.md)</translation>
    </message>
    <message>
        <source>the vault database holds no Redress data; restore it from a backup (nothing was changed)</source>
        <translation>la base de datos de la bóveda no contiene datos de Redress; restáurela desde una copia de seguridad (no se cambió nada)</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>New case — Redress</source>
        <translation>Nuevo caso — Redress</translation>
    </message>
    <message>
        <source>Pseudonym</source>
        <translation>Seudónimo</translation>
    </message>
    <message>
        <source>Legal name</source>
        <translation>Nombre legal</translation>
    </message>
    <message>
        <source>Jurisdiction code</source>
        <translation>Código de jurisdicción</translation>
    </message>
    <message>
        <source>for example US-NY, US-CA, US-FED, GB-EWS</source>
        <translation>por ejemplo, US-NY, US-CA, US-FED, GB-EWS</translation>
    </message>
    <message>
        <source>&amp;Pseudonym (shown on screen):</source>
        <translation>&amp;Seudónimo (se muestra en pantalla):</translation>
    </message>
    <message>
        <source>&amp;Legal name:</source>
        <translation>Nombre &amp;legal:</translation>
    </message>
    <message>
        <source>&amp;Jurisdiction:</source>
        <translation>&amp;Jurisdicción:</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>pseudonym</source>
        <translation>seudónimo</translation>
    </message>
    <message>
        <source>legal name</source>
        <translation>nombre legal</translation>
    </message>
    <message>
        <source>jurisdiction</source>
        <translation>jurisdicción</translation>
    </message>
    <message>
        <source>Please fill in: </source>
        <translation>Complete estos campos: </translation>
    </message>
</context>
<context>
    <name>NexusTab</name>
    <message>
        <source>Nexus</source>
        <translation>Nexo</translation>
    </message>
    <message>
        <source>Record entries</source>
        <translation>Antecedentes</translation>
    </message>
    <message>
        <source>What the client says about how this offence came about</source>
        <translation>Lo que cuenta la persona cliente sobre cómo se produjo este delito</translation>
    </message>
    <message>
        <source>The link between the trafficking and this offence, as argued</source>
        <translation>El vínculo entre la trata y este delito, tal como se argumenta</translation>
    </message>
    <message>
        <source>No record entries yet. Add them on the Record entries tab; then write here how each came about because of the trafficking.</source>
        <translation>Todavía no hay antecedentes. Añádalos en la pestaña Antecedentes y luego escriba aquí cómo se produjo cada uno a causa de la trata.</translation>
    </message>
    <message>
        <source>Choose a record entry on the left.</source>
        <translation>Elija un antecedente a la izquierda.</translation>
    </message>
    <message>
        <source>In the &amp;client&apos;s words:</source>
        <translation>En palabras de la persona &amp;cliente:</translation>
    </message>
    <message>
        <source>In the client&apos;s words</source>
        <translation>En palabras de la persona cliente</translation>
    </message>
    <message>
        <source>The la&amp;wyer&apos;s account:</source>
        <translation>Argumentación &amp;jurídica:</translation>
    </message>
    <message>
        <source>The lawyer&apos;s account</source>
        <translation>Argumentación jurídica</translation>
    </message>
</context>
<context>
    <name>NotesModel</name>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>unknown author</source>
        <translation>autor desconocido</translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Notes, newest first</source>
        <translation>Notas, las más recientes primero</translation>
    </message>
    <message>
        <source>Write a note; Ctrl+Enter adds it</source>
        <translation>Escriba una nota; Ctrl+Intro la añade</translation>
    </message>
    <message>
        <source>&amp;New note:</source>
        <translation>&amp;Nueva nota:</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Nueva nota</translation>
    </message>
    <message>
        <source>&amp;Add note</source>
        <translation>&amp;Añadir nota</translation>
    </message>
    <message>
        <source>Add the note</source>
        <translation>Añadir la nota</translation>
    </message>
    <message>
        <source>Add the note (Ctrl+Enter)</source>
        <translation>Añadir la nota (Ctrl+Intro)</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Notice</source>
        <translation>Aviso</translation>
    </message>
</context>
<context>
    <name>PartiesModel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Name variants</source>
        <translation>Variantes del nombre</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Relationship to the client</source>
        <translation>Relación con la persona cliente</translation>
    </message>
</context>
<context>
    <name>PartiesTab</name>
    <message>
        <source>Adverse parties</source>
        <translation>Partes contrarias</translation>
    </message>
    <message>
        <source>Remove adverse party</source>
        <translation>Quitar parte contraria</translation>
    </message>
    <message>
        <source>party</source>
        <translation>parte</translation>
    </message>
    <message>
        <source>Chec&amp;k conflicts</source>
        <translation>&amp;Verificar conflictos</translation>
    </message>
    <message>
        <source>Check conflicts</source>
        <translation>Verificar conflictos</translation>
    </message>
    <message>
        <source>Compare this case&apos;s names with every client and adverse party of the other cases (Ctrl+Shift+K)</source>
        <translation>Comparar los nombres de este caso con cada persona cliente y cada parte contraria de los demás casos (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <source>Conflict check status</source>
        <translation>Estado de la verificación de conflictos</translation>
    </message>
    <message>
        <source>Possible conflicts</source>
        <translation>Posibles conflictos</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>Todavía no se ha verificado.</translation>
    </message>
    <message>
        <source>Conflict check</source>
        <translation>Verificación de conflictos</translation>
    </message>
    <message>
        <source>Reveal or hide the matched name</source>
        <translation>Mostrar u ocultar el nombre coincidente</translation>
    </message>
    <message>
        <source>Not checked yet. The check runs after each change here, or with Check conflicts.</source>
        <translation>Todavía no se ha verificado. La verificación se ejecuta después de cada cambio aquí, o con Verificar conflictos.</translation>
    </message>
    <message>
        <source>Remove the adverse party “%1” and its name variants?</source>
        <translation>¿Quitar la parte contraria “%1” y las variantes de su nombre?</translation>
    </message>
    <message>
        <source>Checking for conflicts…</source>
        <translation>Buscando conflictos…</translation>
    </message>
    <message>
        <source>One possible conflict with another case.</source>
        <translation>Un posible conflicto con otro caso.</translation>
    </message>
    <message numerus="yes">
        <source>%n possible conflicts with other cases.</source>
        <translation>
            <numerusform>%n posible conflicto con otros casos.</numerusform>
            <numerusform>%n posibles conflictos con otros casos.</numerusform>
        </translation>
    </message>
    <message>
        <source>No possible conflict with the one other case in this vault.</source>
        <translation>Ningún posible conflicto con el otro caso de esta bóveda.</translation>
    </message>
    <message numerus="yes">
        <source>No possible conflicts with the %n other cases in this vault.</source>
        <translation>
            <numerusform>Ningún posible conflicto con el otro caso de esta bóveda.</numerusform>
            <numerusform>Ningún posible conflicto con los otros %n casos de esta bóveda.</numerusform>
        </translation>
    </message>
    <message>
        <source>Review each one; a matched name is shown only when you reveal it.</source>
        <translation>Revise cada uno; un nombre coincidente solo se muestra cuando usted lo revela.</translation>
    </message>
    <message>
        <source>Checked at %1.</source>
        <translation>Verificado a las %1.</translation>
    </message>
    <message>
        <source>The conflict check failed: %1</source>
        <translation>La verificación de conflictos falló: %1</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Reveal the matched name of possible conflict %1</source>
        <translation>Mostrar el nombre coincidente del posible conflicto %1</translation>
    </message>
    <message>
        <source>Show or hide the matched name (Ctrl+Shift+R)</source>
        <translation>Mostrar u ocultar el nombre coincidente (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>The name cannot be shown: %1</source>
        <translation>No se puede mostrar el nombre: %1</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ocultar</translation>
    </message>
</context>
<context>
    <name>PartyDialog</name>
    <message>
        <source>Edit adverse party</source>
        <translation>Editar parte contraria</translation>
    </message>
    <message>
        <source>Add adverse party</source>
        <translation>Añadir parte contraria</translation>
    </message>
    <message>
        <source>The name the person or business is known by</source>
        <translation>El nombre por el que se conoce a la persona o la empresa</translation>
    </message>
    <message>
        <source>Other spellings, aliases and nicknames, one per line</source>
        <translation>Otras grafías, alias y apodos, uno por línea</translation>
    </message>
    <message>
        <source>&amp;Name *:</source>
        <translation>&amp;Nombre *:</translation>
    </message>
    <message>
        <source>Name (required)</source>
        <translation>Nombre (obligatorio)</translation>
    </message>
    <message>
        <source>Name &amp;variants:</source>
        <translation>&amp;Variantes del nombre:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rol:</translation>
    </message>
    <message>
        <source>Relationship to the &amp;client:</source>
        <translation>Relación con la &amp;persona cliente:</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;otas:</translation>
    </message>
    <message>
        <source>Every name and variant is checked against the clients and adverse parties of the other cases in this vault.</source>
        <translation>Cada nombre y cada variante se comparan con las personas clientes y las partes contrarias de los demás casos de esta bóveda.</translation>
    </message>
    <message>
        <source>* required</source>
        <translation>* obligatorio</translation>
    </message>
    <message>
        <source>The name is required.</source>
        <translation>El nombre es obligatorio.</translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <source>Edit period of exploitation</source>
        <translation>Editar período de explotación</translation>
    </message>
    <message>
        <source>Add period</source>
        <translation>Añadir período</translation>
    </message>
    <message>
        <source>One per line, e.g. debt bondage</source>
        <translation>Uno por línea, p. ej., servidumbre por deudas</translation>
    </message>
    <message>
        <source>e.g. client interview</source>
        <translation>p. ej., entrevista con la persona cliente</translation>
    </message>
    <message>
        <source>&amp;Start date:</source>
        <translation>Fecha de &amp;inicio:</translation>
    </message>
    <message>
        <source>&amp;End date:</source>
        <translation>Fecha de &amp;fin:</translation>
    </message>
    <message>
        <source>Forms of exploitation</source>
        <translation>Formas de explotación</translation>
    </message>
    <message>
        <source>&amp;Relationship to trafficker:</source>
        <translation>&amp;Relación con el tratante:</translation>
    </message>
    <message>
        <source>&amp;Means of control:</source>
        <translation>&amp;Medios de control:</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>&amp;Lugar:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Descripción:</translation>
    </message>
    <message>
        <source>S&amp;ource:</source>
        <translation>F&amp;uente:</translation>
    </message>
    <message>
        <source>The start date</source>
        <translation>La fecha de inicio</translation>
    </message>
    <message>
        <source>The end date</source>
        <translation>La fecha de fin</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>La fecha de fin es anterior a la fecha de inicio.</translation>
    </message>
</context>
<context>
    <name>PeriodsModel</name>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Forms of exploitation</source>
        <translation>Formas de explotación</translation>
    </message>
    <message>
        <source>Relationship to trafficker</source>
        <translation>Relación con el tratante</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>se desconoce</translation>
    </message>
</context>
<context>
    <name>RecordEntriesModel</name>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Jurisdiction</source>
        <translation>Jurisdicción</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>Tribunal</translation>
    </message>
    <message>
        <source>Docket</source>
        <translation>Expediente</translation>
    </message>
    <message>
        <source>Offence</source>
        <translation>Delito</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Arrest date</source>
        <translation>Fecha de arresto</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Resolución</translation>
    </message>
    <message>
        <source>Disposition date</source>
        <translation>Fecha de resolución</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Recovery key — Redress</source>
        <translation>Clave de recuperación — Redress</translation>
    </message>
    <message>
        <source>Write down your recovery key</source>
        <translation>Anote su clave de recuperación</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>Print the recovery key</source>
        <translation>Imprimir la clave de recuperación</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Guardar como P&amp;DF…</translation>
    </message>
    <message>
        <source>Save the recovery key as a PDF file</source>
        <translation>Guardar la clave de recuperación como archivo PDF</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>I have &amp;stored the recovery key somewhere safe</source>
        <translation>He &amp;guardado la clave de recuperación en un lugar seguro</translation>
    </message>
    <message>
        <source>I have stored the recovery key somewhere safe</source>
        <translation>He guardado la clave de recuperación en un lugar seguro</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Continuar</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>This key opens the vault if the passphrase is ever forgotten. Redress shows it only now and keeps no copy. Write it down or print it, and keep it somewhere safe away from this computer. Anyone with this key and the vault folder can read the vault.</source>
        <translation>Esta clave abre la bóveda si alguna vez se olvida la frase de contraseña. Redress la muestra solo ahora y no guarda ninguna copia. Anótela o imprímala, y guárdela en un lugar seguro, lejos de este equipo. Cualquier persona que tenga esta clave y la carpeta de la bóveda puede leer la bóveda.</translation>
    </message>
    <message>
        <source>Redress recovery key</source>
        <translation>Clave de recuperación de Redress</translation>
    </message>
    <message>
        <source>Issued on {date}.</source>
        <translation>Emitida el {date}.</translation>
    </message>
    <message>
        <source>To use it: on the unlock screen choose “Use the recovery key instead” and type the groups above; dashes, spaces and letter case do not matter, and 0 and 1 count as the letters O and I. After using it, Redress issues a new key and this one stops working.</source>
        <translation>Para usarla: en la pantalla de desbloqueo elija “Usar la clave de recuperación en su lugar” y escriba los grupos de arriba; los guiones, los espacios y las mayúsculas o minúsculas no importan, y 0 y 1 cuentan como las letras O e I. Después de usarla, Redress emite una clave nueva y esta deja de funcionar.</translation>
    </message>
    <message>
        <source>The recovery key was sent to the printer.</source>
        <translation>La clave de recuperación se envió a la impresora.</translation>
    </message>
    <message>
        <source>Redress recovery key.pdf</source>
        <translation>Clave de recuperación de Redress.pdf</translation>
    </message>
    <message>
        <source>Save the recovery key as PDF</source>
        <translation>Guardar la clave de recuperación como PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF was not saved: {reason}</source>
        <translation>El PDF no se guardó: {reason}</translation>
    </message>
    <message>
        <source>Saved as “{name}”, readable only by you. Print it or move it somewhere safe, then delete it from this computer: a key next to the vault protects nothing.</source>
        <translation>Se guardó como “{name}”, legible solo por usted. Imprímalo o muévalo a un lugar seguro y luego bórrelo de este equipo: una clave junto a la bóveda no protege nada.</translation>
    </message>
    <message>
        <source>Store the recovery key first, then tick “I have stored the recovery key somewhere safe”. It will not be shown again.</source>
        <translation>Primero guarde la clave de recuperación y luego marque “He guardado la clave de recuperación en un lugar seguro”. No se volverá a mostrar.</translation>
    </message>
</context>
<context>
    <name>RowsEditor</name>
    <message>
        <source>&amp;Add %1…</source>
        <translation>&amp;Añadir %1…</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Añadir %1</translation>
    </message>
    <message>
        <source>Add (Insert)</source>
        <translation>Añadir (Insert)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>Edit the selected %1</source>
        <translation>Editar la fila seleccionada (%1)</translation>
    </message>
    <message>
        <source>Edit the selected row (Enter or F2)</source>
        <translation>Editar la fila seleccionada (Intro o F2)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Remove the selected %1</source>
        <translation>Quitar la fila seleccionada (%1)</translation>
    </message>
    <message>
        <source>Remove the selected row (Delete)</source>
        <translation>Quitar la fila seleccionada (Supr)</translation>
    </message>
</context>
<context>
    <name>ScreeningModel</name>
    <message>
        <source>likely eligible</source>
        <translation>probablemente elegible</translation>
    </message>
    <message>
        <source>arguable</source>
        <translation>defendible</translation>
    </message>
    <message>
        <source>excluded by statute (argument available)</source>
        <translation>excluido por ley (hay argumentos disponibles)</translation>
    </message>
    <message>
        <source>outside the trafficking period</source>
        <translation>fuera del periodo de trata</translation>
    </message>
    <message>
        <source>not enough information</source>
        <translation>información insuficiente</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Antecedente</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Jurisdiction</source>
        <translation>Jurisdicción</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Offence category</source>
        <translation>Categoría del delito</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Some rules behind this outcome must be verified</source>
        <translation>Algunas normas en las que se basa este resultado deben verificarse</translation>
    </message>
    <message>
        <source>(verify)</source>
        <translation>(verificar)</translation>
    </message>
</context>
<context>
    <name>ScreeningTab</name>
    <message>
        <source>Screening</source>
        <translation>Evaluación</translation>
    </message>
    <message>
        <source>Advice for a lawyer to review, not a verdict.</source>
        <translation>Orientación para que la revise un abogado, no un veredicto.</translation>
    </message>
    <message>
        <source>Changes since the last screening</source>
        <translation>Cambios desde la última evaluación</translation>
    </message>
    <message>
        <source>Record entries and their screening outcomes</source>
        <translation>Antecedentes y resultados de su evaluación</translation>
    </message>
    <message>
        <source>Screening of the selected entry</source>
        <translation>Evaluación del antecedente seleccionado</translation>
    </message>
    <message>
        <source>Missing evidence for the selected entry</source>
        <translation>Pruebas que faltan para el antecedente seleccionado</translation>
    </message>
    <message>
        <source>Press Enter or double-click to open the evidence tab</source>
        <translation>Pulse Intro o haga doble clic para abrir la pestaña de pruebas</translation>
    </message>
    <message>
        <source>&amp;Missing evidence (to do; Enter opens the evidence tab):</source>
        <translation>Pruebas que &amp;faltan (pendientes; Intro abre la pestaña de pruebas):</translation>
    </message>
    <message>
        <source>&amp;Entries:</source>
        <translation>&amp;Antecedentes:</translation>
    </message>
    <message>
        <source>Changes since the last screening: %1</source>
        <translation>Cambios desde la última evaluación: %1</translation>
    </message>
    <message>
        <source>Nothing missing</source>
        <translation>No falta nada</translation>
    </message>
    <message>
        <source>verify against the official text</source>
        <translation>verificar con el texto oficial</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>Resultado: %1</translation>
    </message>
    <message>
        <source>Rule pack: %1</source>
        <translation>Paquete de normas: %1</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Motivos</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>Relief:</source>
        <translation>Remedios:</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Próximos pasos</translation>
    </message>
    <message>
        <source>Citations</source>
        <translation>Citas</translation>
    </message>
</context>
<context>
    <name>SecretField</name>
    <message>
        <source>Cop&amp;y</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>Copy to the clipboard</source>
        <translation>Copiar al portapapeles</translation>
    </message>
    <message>
        <source>Copy to the clipboard (cleared again automatically after a short time)</source>
        <translation>Copiar al portapapeles (se vacía automáticamente al poco tiempo)</translation>
    </message>
    <message>
        <source>(hidden)</source>
        <translation>(oculto)</translation>
    </message>
</context>
<context>
    <name>SituationTab</name>
    <message>
        <source>Trafficking situation</source>
        <translation>Situación de trata</translation>
    </message>
    <message>
        <source>Remove period</source>
        <translation>Quitar período</translation>
    </message>
    <message>
        <source>Periods of exploitation</source>
        <translation>Períodos de explotación</translation>
    </message>
    <message>
        <source>period</source>
        <translation>período</translation>
    </message>
    <message>
        <source>Each period of exploitation: when, which forms, the relationship to the trafficker and the means of control.</source>
        <translation>Cada período de explotación: cuándo, qué formas, la relación con el tratante y los medios de control.</translation>
    </message>
    <message>
        <source>Remove this period of exploitation?</source>
        <translation>¿Quitar este período de explotación?</translation>
    </message>
</context>
<context>
    <name>Stage</name>
    <message>
        <source>Intake</source>
        <translation>Admisión</translation>
    </message>
    <message>
        <source>Screening</source>
        <translation>Evaluación</translation>
    </message>
    <message>
        <source>Drafting</source>
        <translation>Redacción</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>Presentado</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Resuelto</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <source>Welcome — Redress</source>
        <translation>Bienvenida — Redress</translation>
    </message>
    <message>
        <source>Welcome to Redress</source>
        <translation>Le damos la bienvenida a Redress</translation>
    </message>
    <message>
        <source>Redress keeps case files in an encrypted vault: a folder on this computer or on a drive you choose. Nothing is sent anywhere.</source>
        <translation>Redress guarda los expedientes en una bóveda cifrada: una carpeta en este equipo o en una unidad que usted elija. No se envía nada a ningún lugar.</translation>
    </message>
    <message>
        <source>&amp;Open “{name}”</source>
        <translation>&amp;Abrir “{name}”</translation>
    </message>
    <message>
        <source>The vault you opened last time.</source>
        <translation>La bóveda que abrió la última vez.</translation>
    </message>
    <message>
        <source>Open the last vault, {name}</source>
        <translation>Abrir la última bóveda, {name}</translation>
    </message>
    <message>
        <source>&amp;Create a new vault</source>
        <translation>&amp;Crear una bóveda nueva</translation>
    </message>
    <message>
        <source>Choose a folder and a passphrase. You will get a recovery key to write down.</source>
        <translation>Elija una carpeta y una frase de contraseña. Recibirá una clave de recuperación para anotar.</translation>
    </message>
    <message>
        <source>Create a new vault</source>
        <translation>Crear una bóveda nueva</translation>
    </message>
    <message>
        <source>Open an &amp;existing vault…</source>
        <translation>Abrir una bóveda &amp;existente…</translation>
    </message>
    <message>
        <source>Choose the folder that holds a Redress vault.</source>
        <translation>Elija la carpeta que contiene una bóveda de Redress.</translation>
    </message>
    <message>
        <source>Open an existing vault</source>
        <translation>Abrir una bóveda existente</translation>
    </message>
    <message>
        <source>&amp;Try a demo vault of fictional cases</source>
        <translation>&amp;Probar una bóveda de demostración con casos ficticios</translation>
    </message>
    <message>
        <source>Invented clients and cases for trying Redress out. Its passphrase is “{phrase}”; never enter real case details there.</source>
        <translation>Clientes y casos inventados para probar Redress. Su frase de contraseña es “{phrase}”; nunca introduzca allí datos de casos reales.</translation>
    </message>
    <message>
        <source>Try a demo vault of fictional cases</source>
        <translation>Probar una bóveda de demostración con casos ficticios</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Quit Redress</source>
        <translation>Salir de Redress</translation>
    </message>
    <message>
        <source>The folder “{name}” is not a Redress vault: a vault folder holds the files keyslots.json and vault.db. Choose the folder that contains them.</source>
        <translation>La carpeta “{name}” no es una bóveda de Redress: una carpeta de bóveda contiene los archivos keyslots.json y vault.db. Elija la carpeta que los contiene.</translation>
    </message>
    <message>
        <source>Choose the vault folder</source>
        <translation>Elegir la carpeta de la bóveda</translation>
    </message>
</context>
<context>
    <name>TriStateCombo</name>
    <message>
        <source>Unknown</source>
        <translation>Se desconoce</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock vault — Redress</source>
        <translation>Desbloquear la bóveda — Redress</translation>
    </message>
    <message>
        <source>Unlock “{name}”</source>
        <translation>Desbloquear “{name}”</translation>
    </message>
    <message>
        <source>Unlock the vault {name}</source>
        <translation>Desbloquear la bóveda {name}</translation>
    </message>
    <message>
        <source>S&amp;how what I type</source>
        <translation>&amp;Mostrar lo que escribo</translation>
    </message>
    <message>
        <source>Show what I type</source>
        <translation>Mostrar lo que escribo</translation>
    </message>
    <message>
        <source>Unlock with this computer&apos;s &amp;keychain</source>
        <translation>Desbloquear con el &amp;llavero de este equipo</translation>
    </message>
    <message>
        <source>Unlock with this computer&apos;s keychain</source>
        <translation>Desbloquear con el llavero de este equipo</translation>
    </message>
    <message>
        <source>Unlocking</source>
        <translation>Desbloqueando</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Type the vault&apos;s passphrase.</source>
        <translation>Escriba la frase de contraseña de la bóveda.</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Use the &amp;recovery key instead</source>
        <translation>Usar la clave de &amp;recuperación en su lugar</translation>
    </message>
    <message>
        <source>Use the recovery key instead</source>
        <translation>Usar la clave de recuperación en su lugar</translation>
    </message>
    <message>
        <source>Type the recovery key from the page you printed or wrote down: ten groups of four letters and digits. Dashes, spaces and letter case do not matter.</source>
        <translation>Escriba la clave de recuperación de la hoja que imprimió o anotó: diez grupos de cuatro letras y dígitos. Los guiones, los espacios y las mayúsculas o minúsculas no importan.</translation>
    </message>
    <message>
        <source>&amp;Recovery key:</source>
        <translation>Clave de &amp;recuperación:</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <source>Use the &amp;passphrase instead</source>
        <translation>Usar la &amp;frase de contraseña en su lugar</translation>
    </message>
    <message>
        <source>Use the passphrase instead</source>
        <translation>Usar la frase de contraseña en su lugar</translation>
    </message>
    <message>
        <source>Unlocking… this takes a moment.</source>
        <translation>Desbloqueando… esto tarda un momento.</translation>
    </message>
</context>
</TS>
