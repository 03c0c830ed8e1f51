// Function file of the ribbon (FunctionFile in manifest.xml). The only ribbon button opens the task pane
// (a ShowTaskpane action), which needs no code here; this file only has to initialise Office.
Office.onReady(() => {
  // Nothing to register: no ExecuteFunction commands yet.
}).catch((error: unknown) => {
  console.error(error);
});
